create index concurrently "positions_closed_at_index" on "positions" ("closed_at");
insert into "knex_migrations" ("batch", "migration_time", "name") values (42, '2026-12-02T09:30:00.000Z', '20261202093400_closed_idx.js');
