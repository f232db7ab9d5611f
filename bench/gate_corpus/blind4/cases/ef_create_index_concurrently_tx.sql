START TRANSACTION;

CREATE INDEX CONCURRENTLY "IX_deposits_asset" ON deposits (asset);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
