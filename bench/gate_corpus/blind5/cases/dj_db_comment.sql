BEGIN;
--
-- Alter field apr_bps on loan
--
COMMENT ON COLUMN "loans"."apr_bps" IS 'annual rate in basis points';
COMMIT;
