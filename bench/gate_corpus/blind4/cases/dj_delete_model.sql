BEGIN;
--
-- Delete model AuditLog
--
SET lock_timeout = '2s';
DROP TABLE "audit_log" CASCADE;
COMMIT;
