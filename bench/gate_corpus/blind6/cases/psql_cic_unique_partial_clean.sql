CREATE UNIQUE INDEX CONCURRENTLY payouts_idempotency_key_idx ON payouts (idempotency_key) WHERE requested_at >= '2026-11-15';
