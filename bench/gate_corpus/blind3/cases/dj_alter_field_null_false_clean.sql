BEGIN;
--
-- Alter field payload on auditlog
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Alter field payload on auditlog
--
ALTER TABLE "audit_log" ALTER COLUMN "payload" SET NOT NULL;
COMMIT;
