SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN archived_check_at timestamptz NOT NULL DEFAULT now();
