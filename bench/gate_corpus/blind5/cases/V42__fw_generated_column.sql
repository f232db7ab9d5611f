SET lock_timeout = '2s';
ALTER TABLE fiat_deposits ADD COLUMN amount_minor bigint GENERATED ALWAYS AS ((amount * 100)::bigint) STORED;
