begin;
create table "copy_trading_links" ("id" bigserial primary key, "leader_account_id" bigint not null, "follower_account_id" bigint not null, "ratio" decimal(8, 4) not null default '1');
alter table "copy_trading_links" add constraint "copy_trading_links_leader_account_id_foreign" foreign key ("leader_account_id") references "margin_accounts" ("id");
alter table "copy_trading_links" add constraint "copy_trading_links_follower_account_id_foreign" foreign key ("follower_account_id") references "margin_accounts" ("id");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093200_copy_trading.js');
commit;
