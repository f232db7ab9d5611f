BEGIN;
--
-- Add field risk_band to customer
--
-- Raw SQL operation
--
SET lock_timeout = '2s';
ALTER TABLE "customers" ADD COLUMN "risk_band" varchar(8) NULL;
UPDATE customers SET risk_band = CASE WHEN risk_score >= 70 THEN 'high' WHEN risk_score >= 30 THEN 'medium' ELSE 'low' END;
COMMIT;
