-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create table "device_sessions" ("id" bigserial primary key, "customer_id" bigint not null, "device" varchar(255), "created_at" timestamptz not null default CURRENT_TIMESTAMP);
create index "device_sessions_customer_id_index" on "device_sessions" ("customer_id");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
