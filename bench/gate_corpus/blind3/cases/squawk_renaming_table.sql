SET lock_timeout = '2s';
ALTER TABLE risk_limits RENAME TO risk_tiers;
