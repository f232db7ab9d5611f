-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
alter table "fee_schedules" add constraint "fee_schedules_no_overlap" exclude using gist (name with =, daterange(valid_from, valid_to) with &&);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
