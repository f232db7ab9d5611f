START TRANSACTION;

INSERT INTO assets (symbol, name, decimals, is_fiat, is_stablecoin)
VALUES ('JPY', 'Japanese yen', 0, TRUE, FALSE);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
