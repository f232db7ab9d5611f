SET lock_timeout = '2s';
DROP INDEX markets_symbol_key;
