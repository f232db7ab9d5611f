-- migrate:up
COMMENT ON TABLE payouts IS 'Outgoing crypto and fiat payouts';
COMMENT ON COLUMN payouts.idempotency_key IS 'client supplied';

-- migrate:down
COMMENT ON TABLE payouts IS NULL;
