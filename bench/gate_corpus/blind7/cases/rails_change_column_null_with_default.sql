BEGIN;
SET lock_timeout = '3s';
UPDATE "positions" SET "liquidation_price"=0 WHERE "liquidation_price" IS NULL;
ALTER TABLE "positions" ALTER "liquidation_price" SET NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20260112093000');
COMMIT;
