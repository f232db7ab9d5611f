begin;
insert into "markets" ("base_asset", "symbol", "tick_size") values ('ENA', 'ENA-PERP', 0.0001) on conflict ("symbol") do update set "tick_size" = excluded."tick_size";
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093700_list_ena.js');
commit;
