-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
set lock_timeout = '2s';
alter table "staking_validators" drop column "exited_at";
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
