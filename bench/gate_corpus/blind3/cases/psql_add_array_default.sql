SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN badges text[] NOT NULL DEFAULT '{}';
