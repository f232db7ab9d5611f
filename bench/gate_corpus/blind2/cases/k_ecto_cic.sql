-- mix ecto.migrate --log-migrations-sql: 20261202101600 Custody.Repo.Migrations.IndexApprover
CREATE INDEX CONCURRENTLY "approvals_approver_id_index" ON "approvals" ("approver_id");
INSERT INTO "schema_migrations" ("version", "inserted_at") VALUES ('20261202101600', '2026-12-02 10:15:00');
