-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE INDEX "IDX_withdrawals_requested" ON "withdrawals" ("requested_at");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
