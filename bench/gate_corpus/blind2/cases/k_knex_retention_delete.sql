-- knex migrate:latest --debug: 20261202101900_purge_audit.js
begin;
delete from "audit_log" where "at" < '2026-01-01';
insert into "knex_migrations" ("batch", "migration_time", "name") values (2, '2026-12-02T10:15:00.000Z', '20261202101900_purge_audit.js');
commit;
