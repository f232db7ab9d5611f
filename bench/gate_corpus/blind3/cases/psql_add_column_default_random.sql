SET lock_timeout = '2s';
ALTER TABLE margin_accounts ADD COLUMN shard smallint NOT NULL DEFAULT (random() * 16)::smallint;
