-- knex migrate:latest --debug: 20261202101800_widen_label.js
begin;
set lock_timeout = '2s';
alter table "wallets" alter column "label" drop default;
alter table "wallets" alter column "label" drop not null;
alter table "wallets" alter column "label" type varchar(80) using ("label"::varchar(80));
insert into "knex_migrations" ("batch", "migration_time", "name") values (2, '2026-12-02T10:15:00.000Z', '20261202101800_widen_label.js');
commit;
