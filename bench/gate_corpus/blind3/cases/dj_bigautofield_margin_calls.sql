BEGIN;
--
-- Alter field ticket on margincall
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Alter field ticket on margincall
--
ALTER TABLE "margin_calls" ALTER COLUMN "ticket" TYPE bigint USING "ticket"::bigint;
ALTER SEQUENCE "margin_call_ticket_seq" AS bigint;
COMMIT;
