-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
SET lock_timeout = '2s';
alter domain positive_amount add constraint positive_amount_cap check (value < 1000000000000) not valid;
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
