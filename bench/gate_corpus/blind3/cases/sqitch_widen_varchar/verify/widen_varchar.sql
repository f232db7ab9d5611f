-- Verify perp:widen_varchar on pg

BEGIN;

SELECT 1;

ROLLBACK;
