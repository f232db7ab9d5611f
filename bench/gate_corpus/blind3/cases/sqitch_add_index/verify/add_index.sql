-- Verify perp:add_index on pg

BEGIN;

SELECT 1;

ROLLBACK;
