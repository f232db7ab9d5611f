-- knex migrate:latest --debug (pg): migration 20261203_payouts.js (transaction: false)
CREATE INDEX CONCURRENTLY quotes_dealer_index ON quotes (dealer);
insert into "knex_migrations" ("batch", "migration_time", "name") values (43, now(), '20261203_payouts.js');
