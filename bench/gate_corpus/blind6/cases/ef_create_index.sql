START TRANSACTION;

CREATE INDEX "IX_payouts_wallet_id" ON payouts (wallet_id);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
