-- Revert perp:add_table from pg

BEGIN;

DROP TABLE oracle_heartbeats;

COMMIT;
