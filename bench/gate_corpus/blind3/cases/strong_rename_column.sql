SET lock_timeout = '2s';
ALTER TABLE positions RENAME COLUMN client_tag TO strategy_tag;
