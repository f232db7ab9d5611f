-- knex migrate:latest --debug (pg): migration 20261202_knex.js
BEGIN;
set lock_timeout = '2s';
alter table "aml_alerts" alter column "rule_code" drop default;
alter table "aml_alerts" alter column "rule_code" drop not null;
alter table "aml_alerts" alter column "rule_code" type varchar(64) using ("rule_code"::varchar(64));
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, now(), '20261202_knex.js');
COMMIT;
