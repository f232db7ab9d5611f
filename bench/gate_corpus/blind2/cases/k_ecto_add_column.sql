-- mix ecto.migrate --log-migrations-sql: 20261202101500 Custody.Repo.Migrations.AddRiskScore
BEGIN;
ALTER TABLE "deposits" ADD COLUMN "risk_score" integer;
INSERT INTO "schema_migrations" ("version", "inserted_at") VALUES ('20261202101500', '2026-12-02 10:15:00');
COMMIT;
