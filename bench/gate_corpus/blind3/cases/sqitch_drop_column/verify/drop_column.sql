-- Verify perp:drop_column on pg

BEGIN;

SELECT 1;

ROLLBACK;
