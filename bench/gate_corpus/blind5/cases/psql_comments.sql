COMMENT ON COLUMN loans.current_ltv IS 'loan-to-value, 0..1, marked every minute by the risk engine';
COMMENT ON TABLE margin_calls IS 'one row per margin call; rows outlive archived loans';
