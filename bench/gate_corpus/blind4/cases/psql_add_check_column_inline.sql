SET lock_timeout = '2s';
ALTER TABLE deposits ADD COLUMN risk_score smallint CHECK (risk_score BETWEEN 0 AND 100);
