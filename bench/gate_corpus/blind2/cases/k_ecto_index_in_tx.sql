-- mix ecto.migrate --log-migrations-sql: 20261202101800 Custody.Repo.Migrations.IndexDepositWallet
BEGIN;
CREATE INDEX "deposits_wallet_id_index" ON "deposits" ("wallet_id");
INSERT INTO "schema_migrations" ("version", "inserted_at") VALUES ('20261202101800', '2026-12-02 10:15:00');
COMMIT;
