SET lock_timeout = '2s';
ALTER TABLE currencies ADD CONSTRAINT currencies_name_excl EXCLUDE (name WITH =);
