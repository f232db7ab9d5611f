SET lock_timeout = '2s';
ALTER TABLE risk_limits RENAME COLUMN max_position TO max_notional;
