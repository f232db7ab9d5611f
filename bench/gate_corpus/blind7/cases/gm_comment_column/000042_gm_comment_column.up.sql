COMMENT ON COLUMN funding_payments.amount IS 'positive: paid to the position';
