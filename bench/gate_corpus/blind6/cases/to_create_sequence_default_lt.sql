-- typeorm migration:run (query logging)
START TRANSACTION;
SET lock_timeout = '2s';
CREATE SEQUENCE "payout_ref_seq";
ALTER TABLE "payouts" ADD "ref_no" bigint;
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
