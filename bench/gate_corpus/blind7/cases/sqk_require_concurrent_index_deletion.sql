DROP INDEX IF EXISTS funding_payments_position_idx;
