-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
update "kyc_cases" set "reviewer" = 'unassigned' where "reviewer" is null and "id" between 1 and 300;
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
