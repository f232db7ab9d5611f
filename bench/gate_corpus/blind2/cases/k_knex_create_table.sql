-- knex migrate:latest --debug: 20261202102000_signer_sessions.js
begin;
create table "signer_sessions" ("id" bigserial primary key, "signer" varchar(255) not null, "opened_at" timestamptz not null default CURRENT_TIMESTAMP);
insert into "knex_migrations" ("batch", "migration_time", "name") values (2, '2026-12-02T10:15:00.000Z', '20261202102000_signer_sessions.js');
commit;
