SET lock_timeout = '2s';
ALTER TABLE clients ALTER COLUMN onboarded_at TYPE timestamptz;
