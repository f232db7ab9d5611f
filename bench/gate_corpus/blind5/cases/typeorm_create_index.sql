-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE INDEX "IDX_5c3b2a1f9e8d7c6b5a4f3e2d1c" ON "staking_delegations" ("customer_id", "started_at");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
