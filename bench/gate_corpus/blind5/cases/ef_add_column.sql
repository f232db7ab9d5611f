START TRANSACTION;

ALTER TABLE customers ADD "PreferredCurrency" text NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
