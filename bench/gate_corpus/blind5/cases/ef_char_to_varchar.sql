START TRANSACTION;

SET lock_timeout = '2s';
ALTER TABLE fiat_deposits ALTER COLUMN currency TYPE character varying(3);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
