SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN margin_mode text NOT NULL DEFAULT 'cross';
