begin;
set lock_timeout = '2s';
alter table "margin_accounts" alter column "version" drop default;
alter table "margin_accounts" alter column "version" drop not null;
alter table "margin_accounts" alter column "version" type bigint using ("version"::bigint);
alter table "margin_accounts" alter column "version" set not null;
alter table "margin_accounts" alter column "version" set default '0';
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093300_version_bigint.js');
commit;
