-- mix ecto.migrate --log-migrations-sql: 20261202101900 Custody.Repo.Migrations.CreateWithdrawalLimits
BEGIN;
CREATE TABLE "withdrawal_limits" ("id" bigserial, "client_id" bigint NOT NULL, "daily_limit" decimal NOT NULL, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
INSERT INTO "schema_migrations" ("version", "inserted_at") VALUES ('20261202101900', '2026-12-02 10:15:00');
COMMIT;
