SET lock_timeout = '2s';
ALTER TABLE settlements ADD COLUMN tx_hash_v2 varchar(66);
ALTER TABLE settlements ADD CONSTRAINT settlements_tx_hash_v2_fmt CHECK (tx_hash_v2 ~ '^0x') NOT VALID;
