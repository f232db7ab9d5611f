-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
create table "rate_overrides" ("id" serial primary key, "loan_id" bigint not null, "apr_bps" integer not null, "valid_from" timestamptz not null);
alter table "rate_overrides" add constraint "rate_overrides_loan_id_foreign" foreign key ("loan_id") references "loans" ("id");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
