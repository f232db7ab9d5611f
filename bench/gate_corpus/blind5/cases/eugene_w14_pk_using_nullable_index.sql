CREATE UNIQUE INDEX CONCURRENTLY wallet_whitelist_address_key ON wallet_whitelist (address);
SET lock_timeout = '2s';
ALTER TABLE wallet_whitelist ADD CONSTRAINT wallet_whitelist_pkey PRIMARY KEY USING INDEX wallet_whitelist_address_key;
