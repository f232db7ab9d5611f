BEGIN;
--
-- Alter field status on position
--
-- (no-op)
COMMIT;
