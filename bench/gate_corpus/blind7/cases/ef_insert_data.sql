START TRANSACTION;

INSERT INTO "insurance_funds" ("id", "asset", "balance") VALUES (6, 'XRP', 0);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
