begin;
set lock_timeout = '2s';
alter table "users" drop column "fee_tier";
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093500_drop_fee_tier.js');
commit;
