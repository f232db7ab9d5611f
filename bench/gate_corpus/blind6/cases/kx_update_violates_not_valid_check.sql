-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
update "quotes" set "price" = 0 where "id" = 3;
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
