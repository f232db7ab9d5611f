-- typeorm migration:run (query logging)
START TRANSACTION;
INSERT INTO "fee_schedules" ("name", "maker_bps", "taker_bps", "valid_from") VALUES ('tier-1', 1, 2, '2027-01-01');
INSERT INTO "typeorm_migrations"("timestamp", "name") VALUES (1764662400000, 'Exchange1764662400000');
COMMIT;
