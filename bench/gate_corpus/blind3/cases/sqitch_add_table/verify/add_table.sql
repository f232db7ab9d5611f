-- Verify perp:add_table on pg

BEGIN;

SELECT 1;

ROLLBACK;
