-- typeorm migration:run: UniqueAddress1764670900000
START TRANSACTION;
SET lock_timeout = '2s';
ALTER TABLE "wallets" ADD CONSTRAINT "UQ_4e2c9b1a7d3f5e6a8b0c1d2e3f4" UNIQUE ("address");
INSERT INTO "migrations"("timestamp", "name") VALUES (1764670900000, 'UniqueAddress1764670900000');
COMMIT;
