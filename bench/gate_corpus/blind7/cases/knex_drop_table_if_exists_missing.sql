-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
drop table if exists "legacy_sessions";
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
