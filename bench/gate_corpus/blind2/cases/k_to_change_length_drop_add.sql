-- typeorm migration:run: WidenLabel1764670600000
START TRANSACTION;
SET lock_timeout = '2s';
ALTER TABLE "wallets" DROP COLUMN "label";
ALTER TABLE "wallets" ADD "label" character varying(64);
INSERT INTO "migrations"("timestamp", "name") VALUES (1764670600000, 'WidenLabel1764670600000');
COMMIT;
