-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create index "api_keys_created_at_index" on "api_keys" ("created_at");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
