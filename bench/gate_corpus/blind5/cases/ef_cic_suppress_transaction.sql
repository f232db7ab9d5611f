START TRANSACTION;

COMMIT;

CREATE INDEX CONCURRENTLY "IX_loans_matures_on" ON loans (matures_on);

START TRANSACTION;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202101500_LoansMaturesOn', '8.0.11');

COMMIT;
