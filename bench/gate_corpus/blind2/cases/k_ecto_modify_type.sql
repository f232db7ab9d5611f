-- mix ecto.migrate --log-migrations-sql: 20261202101700 Custody.Repo.Migrations.WidenKyc
BEGIN;
SET lock_timeout = '2s';
ALTER TABLE "clients" ALTER COLUMN "kyc_level" TYPE integer;
INSERT INTO "schema_migrations" ("version", "inserted_at") VALUES ('20261202101700', '2026-12-02 10:15:00');
COMMIT;
