START TRANSACTION;
CREATE INDEX "IDX_5f1c0e3b9a2d4c7e8f6a1b2c3d" ON "liquidations_adl" ("account_id") ;
INSERT INTO "migrations"("timestamp", "name") VALUES (1764667800000, 'AdlAccountIndex1764667800000');
COMMIT;
