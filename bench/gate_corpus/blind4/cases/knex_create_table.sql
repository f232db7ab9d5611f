-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create table "announcement" ("id" serial primary key, "title" varchar(255) not null, "body" text, "created_at" timestamptz not null default CURRENT_TIMESTAMP);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
