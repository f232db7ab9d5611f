COMMENT ON TABLE funding_payments IS 'one row per account, market and funding interval';
