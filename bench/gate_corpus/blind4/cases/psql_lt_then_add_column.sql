\set ON_ERROR_STOP on
SET lock_timeout = '2s';
ALTER TABLE candles ADD COLUMN vwap numeric(30, 12);
