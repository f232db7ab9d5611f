SET lock_timeout = '2s';
ALTER TABLE balances ADD COLUMN id bigserial;
