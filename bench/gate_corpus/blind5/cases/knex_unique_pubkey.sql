-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
alter table "staking_validators" add constraint "staking_validators_pubkey_unique" unique ("pubkey");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
