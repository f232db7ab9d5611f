-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
SET lock_timeout = '2s';
alter table "orders" alter column "price" set not null;
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
