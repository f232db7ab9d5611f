START TRANSACTION;

ALTER TABLE payouts RENAME COLUMN failure_reason TO "FailureReason";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
