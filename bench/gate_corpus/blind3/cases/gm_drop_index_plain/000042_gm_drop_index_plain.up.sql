DROP INDEX IF EXISTS positions_open_idx;
