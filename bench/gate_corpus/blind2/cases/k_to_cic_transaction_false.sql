-- typeorm migration:run: IndexApprovedAt1764670700000
CREATE INDEX CONCURRENTLY "IDX_approvals_approved_at" ON "approvals" ("approved_at");
INSERT INTO "migrations"("timestamp", "name") VALUES (1764670700000, 'IndexApprovedAt1764670700000');
