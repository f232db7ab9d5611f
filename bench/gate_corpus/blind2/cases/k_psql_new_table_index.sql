CREATE TABLE hsm_keys (id bigint PRIMARY KEY, wallet_id bigint NOT NULL, public_key bytea NOT NULL);
CREATE INDEX hsm_keys_wallet_idx ON hsm_keys (wallet_id);
