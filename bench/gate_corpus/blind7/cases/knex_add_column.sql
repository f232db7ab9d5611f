-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
alter table "orders_import_2026_09" add column "source" varchar(255);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
