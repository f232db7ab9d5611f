\set ON_ERROR_STOP on
\timing on
SET lock_timeout = '2s';
ALTER TABLE liquidations ALTER COLUMN liquidator SET DEFAULT 'engine';
\echo done
