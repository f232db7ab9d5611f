begin;
set lock_timeout = '2s';
alter table "markets" rename "tick_size" to "price_tick";
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093600_rename_tick.js');
commit;
