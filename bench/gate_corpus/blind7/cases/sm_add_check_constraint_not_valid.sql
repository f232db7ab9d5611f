SET lock_timeout = '2s';
ALTER TABLE risk_limits ADD CONSTRAINT risk_limits_mmr_lt_imr CHECK (maintenance_margin_rate < initial_margin_rate) NOT VALID;
