START TRANSACTION;

SET lock_timeout = '2s';
ALTER TABLE "funding_payments" RENAME COLUMN "amount" TO "Amount";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
