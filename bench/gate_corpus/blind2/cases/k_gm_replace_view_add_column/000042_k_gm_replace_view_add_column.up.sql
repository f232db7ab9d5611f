CREATE OR REPLACE VIEW pending_withdrawals AS SELECT id, wallet_id, amount, requested_at, fee FROM withdrawals WHERE state IN ('requested', 'approved', 'signed');
