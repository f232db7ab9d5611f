SET lock_timeout = '2s';
ALTER TABLE tickers SET UNLOGGED;
