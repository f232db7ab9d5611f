-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
insert into "markets" ("base_asset", "id", "max_leverage", "symbol", "tick_size") values ('C42', 42, 20, 'PERP42-USDT', 0.0001);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
