ALTER TABLE risk_limits ALTER COLUMN initial_margin_rate SET DEFAULT 0.01;
