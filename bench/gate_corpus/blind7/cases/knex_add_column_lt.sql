-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
SET lock_timeout = '2s';
alter table "fee_tiers" add column "rebate_bps" numeric(6, 3);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
