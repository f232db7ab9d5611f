START TRANSACTION;

SET lock_timeout = '2s';
ALTER DOMAIN asset_code DROP CONSTRAINT asset_code_upper;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
