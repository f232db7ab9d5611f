START TRANSACTION;

CREATE INDEX "IX_positions_opened_at" ON "positions" ("opened_at");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202071500_Exchange', '8.0.11');

COMMIT;
