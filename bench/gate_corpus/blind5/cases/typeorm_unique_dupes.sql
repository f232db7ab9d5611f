-- typeorm migration:run (query logging)
START TRANSACTION;
SET lock_timeout = '3s';
ALTER TABLE "fiat_deposits" ADD CONSTRAINT "UQ_2a9c8b7d6e5f4a3b2c1d0e9f8a7" UNIQUE ("bank_reference");
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
