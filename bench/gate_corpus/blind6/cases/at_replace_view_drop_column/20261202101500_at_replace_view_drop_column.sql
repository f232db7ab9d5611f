CREATE OR REPLACE VIEW "public"."payout_queue" AS SELECT id, wallet_id, amount FROM payouts WHERE status = 'pending';
