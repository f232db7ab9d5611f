START TRANSACTION;
ALTER TABLE "api_keys" DROP COLUMN "label"
;ALTER TABLE "api_keys" ADD "label" character varying(128)
;
INSERT INTO "migrations"("timestamp", "name") VALUES (1764667800000, 'ApiKeyLabelLength1764667800000');
COMMIT;
