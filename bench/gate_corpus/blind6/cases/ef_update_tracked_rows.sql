START TRANSACTION;

UPDATE bank_accounts SET verified = TRUE WHERE id <= 20 AND NOT verified;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
