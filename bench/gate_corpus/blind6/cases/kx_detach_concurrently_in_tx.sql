-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
alter table "ledger_entries" detach partition "ledger_entries_2026_10" concurrently;
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
