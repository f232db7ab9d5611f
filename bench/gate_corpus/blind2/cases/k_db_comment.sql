-- migrate:up
COMMENT ON COLUMN withdrawals.network_fee_sat IS 'miner fee in satoshis';

-- migrate:down
COMMENT ON COLUMN withdrawals.network_fee_sat IS NULL;
