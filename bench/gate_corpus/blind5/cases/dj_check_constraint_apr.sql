BEGIN;
--
-- Create constraint loans_apr_bps_max on model loan
--
SET lock_timeout = '2s';
ALTER TABLE "loans" ADD CONSTRAINT "loans_apr_bps_max" CHECK ("apr_bps" <= 5000);
COMMIT;
