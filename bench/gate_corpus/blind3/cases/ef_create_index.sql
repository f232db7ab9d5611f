START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261202093200_IndexOpenedAt') THEN
    CREATE INDEX "IX_positions_opened_at" ON positions (opened_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261202093200_IndexOpenedAt') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261202093200_IndexOpenedAt', '8.0.11');
    END IF;
END $EF$;

COMMIT;
