-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create index "card_payments_mcc_index" on "card_payments" ("mcc");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
