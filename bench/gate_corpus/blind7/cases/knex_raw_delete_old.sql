-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
delete from "audit_events" where "at" < '2026-10-01';
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
