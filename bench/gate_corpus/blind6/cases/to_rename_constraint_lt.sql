-- typeorm migration:run (query logging)
START TRANSACTION;
SET lock_timeout = '2s';
ALTER TABLE "quotes" RENAME CONSTRAINT "quotes_price_positive" TO "CHK_quotes_price";
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
