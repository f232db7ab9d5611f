-- knex migrate:latest --debug: 20261202101500_add_wallet_tag.js
begin;
alter table "wallets" add column "tag" varchar(255);
insert into "knex_migrations" ("batch", "migration_time", "name") values (2, '2026-12-02T10:15:00.000Z', '20261202101500_add_wallet_tag.js');
commit;
