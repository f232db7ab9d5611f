SET lock_timeout = '2s';
ALTER TABLE risk_limits ADD COLUMN max_leverage_calc numeric GENERATED ALWAYS AS (1 / initial_margin_rate) STORED;
