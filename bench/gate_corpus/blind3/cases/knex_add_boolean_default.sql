begin;
alter table "margin_accounts" add column "is_frozen" boolean not null default '0';
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093000_frozen.js');
commit;
