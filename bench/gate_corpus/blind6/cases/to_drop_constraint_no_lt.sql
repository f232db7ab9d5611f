-- typeorm migration:run (query logging)
START TRANSACTION;
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_price_positive";
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
