-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
alter table "loans" add column "promo_code" varchar(255);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
