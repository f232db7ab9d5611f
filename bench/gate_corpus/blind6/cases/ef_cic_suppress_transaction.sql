START TRANSACTION;

COMMIT;

CREATE INDEX CONCURRENTLY "IX_payouts_wallet_id" ON payouts (wallet_id);

START TRANSACTION;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203081500_Payouts', '8.0.11');

COMMIT;
