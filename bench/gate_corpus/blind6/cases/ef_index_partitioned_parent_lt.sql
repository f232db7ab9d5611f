START TRANSACTION;

SET lock_timeout = '2s';
CREATE INDEX "IX_ledger_entries_account" ON ledger_entries (account);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
