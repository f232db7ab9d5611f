START TRANSACTION;
SET lock_timeout = '2s';
ALTER TABLE "liquidations" ADD "public_id" uuid NOT NULL DEFAULT gen_random_uuid();
INSERT INTO "migrations"("timestamp", "name") VALUES (1764667800000, 'LiquidationPublicId1764667800000');
COMMIT;
