-- typeorm migration:run (query logging)
START TRANSACTION;
CREATE UNIQUE INDEX "IDX_wallets_address" ON "wallets" ("address");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
