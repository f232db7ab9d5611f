START TRANSACTION;

ALTER TYPE kyc_level ADD VALUE 'sanctioned';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
