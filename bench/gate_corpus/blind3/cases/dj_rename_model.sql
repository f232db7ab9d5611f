BEGIN;
--
-- Rename model MarginCall to MarginAlert
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Rename model MarginCall to MarginAlert
--
ALTER TABLE "margin_calls" RENAME TO "margin_alerts";
COMMIT;
