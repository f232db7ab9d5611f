SET lock_timeout = '2s';
ALTER TABLE currencies ADD CONSTRAINT currencies_name_key UNIQUE (name);
