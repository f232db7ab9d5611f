-- knex migrate:latest --debug (pg): migration 20261203_payouts.js (transaction: false)
create index concurrently "api_keys_created_at_index" on "api_keys" ("created_at");
insert into "knex_migrations" ("batch", "migration_time", "name") values (43, now(), '20261203_payouts.js');
