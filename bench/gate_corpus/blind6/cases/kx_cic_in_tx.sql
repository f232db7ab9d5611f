-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
CREATE INDEX CONCURRENTLY quotes_dealer_index ON quotes (dealer);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
