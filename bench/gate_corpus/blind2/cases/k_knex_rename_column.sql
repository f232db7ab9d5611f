-- knex migrate:latest --debug: 20261202101700_rename_legal_name.js
begin;
SET lock_timeout = '2s';
alter table "clients" rename "legal_name" to "registered_name";
insert into "knex_migrations" ("batch", "migration_time", "name") values (2, '2026-12-02T10:15:00.000Z', '20261202101700_rename_legal_name.js');
commit;
