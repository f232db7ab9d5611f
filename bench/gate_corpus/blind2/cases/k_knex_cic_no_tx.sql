-- knex migrate:latest --debug: 20261202101600_index_destination.js
create index concurrently "withdrawals_destination_index" on "withdrawals" ("destination");
insert into "knex_migrations" ("batch", "migration_time", "name") values (2, '2026-12-02T10:15:00.000Z', '20261202101600_index_destination.js');
