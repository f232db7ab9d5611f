START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261202093300_MarginCallTicketBigint') THEN
    SET lock_timeout = '2s';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261202093300_MarginCallTicketBigint') THEN
    ALTER TABLE margin_calls ALTER COLUMN ticket TYPE bigint;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261202093300_MarginCallTicketBigint') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261202093300_MarginCallTicketBigint', '8.0.11');
    END IF;
END $EF$;

COMMIT;
