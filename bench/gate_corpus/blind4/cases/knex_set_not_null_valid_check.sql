-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
SET lock_timeout = '2s';
alter table "audit_log" add constraint "audit_log_actor_nn" check ("actor" is not null) not valid;
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
-- knex migrate:latest --debug (pg): migration 20261202_knex_2.js
BEGIN;
SET lock_timeout = '2s';
alter table "audit_log" validate constraint "audit_log_actor_nn";
alter table "audit_log" alter column "actor" set not null;
alter table "audit_log" drop constraint "audit_log_actor_nn";
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex_2.js');
COMMIT;
