begin;
set lock_timeout = '2s';
alter table "margin_accounts" add column "frozen_reason" varchar(255);
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093100_frozen_reason.js');
commit;
