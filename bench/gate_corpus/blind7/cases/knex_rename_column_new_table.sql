-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create table "bot_configs" ("id" serial primary key, "cfg" jsonb);
alter table "bot_configs" rename "cfg" to "config";
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
