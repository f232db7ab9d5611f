START TRANSACTION;

COMMIT;

CREATE INDEX CONCURRENTLY "IX_positions_opened_at" ON "positions" ("opened_at");

START TRANSACTION;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203081500_Payouts', '8.0.11');

COMMIT;
