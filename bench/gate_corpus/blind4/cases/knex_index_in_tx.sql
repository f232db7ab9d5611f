-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create index "audit_log_actor_index" on "audit_log" ("actor");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
