-- knex migrate:latest --debug (pg): migration 20261203_payouts.js (transaction: false)
create unique index concurrently "accounts_referral_code_unique" on "accounts" ("referral_code");
insert into "knex_migrations" ("batch", "migration_time", "name") values (43, now(), '20261203_payouts.js');
