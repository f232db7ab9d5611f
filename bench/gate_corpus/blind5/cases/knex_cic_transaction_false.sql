-- knex migrate:latest --debug (pg): migration 20261202_cic.js (config.transaction = false)
create index concurrently "card_payments_mcc_index" on "card_payments" ("mcc");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_cic.js');
