START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261130101500_PositionClientTag') THEN
    ALTER TABLE positions DROP COLUMN client_tag;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261130101500_PositionClientTag') THEN
    INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
    VALUES ('20261130101500_PositionClientTag', '8.0.11');
    END IF;
END $EF$;

COMMIT;
