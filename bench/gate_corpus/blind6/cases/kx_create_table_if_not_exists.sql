-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create table if not exists "assets" ("code" varchar(12) primary key);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
