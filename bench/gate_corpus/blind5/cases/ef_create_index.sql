START TRANSACTION;

CREATE INDEX "IX_loans_matures_on" ON loans (matures_on);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
