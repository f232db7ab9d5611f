BEGIN;
--
-- Rename field assigned_to on amlalert to assignee
--
SET lock_timeout = '2s';
ALTER TABLE "aml_alerts" RENAME COLUMN "assigned_to" TO "assignee";
COMMIT;
