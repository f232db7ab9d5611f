-- Your SQL goes here
CREATE OR REPLACE VIEW payout_queue AS
    SELECT id, wallet_id, amount, status, requested_at, idempotency_key FROM payouts WHERE status = 'pending';
