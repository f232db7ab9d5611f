SET lock_timeout = '2s';
ALTER TABLE deposits ADD COLUMN memo text;
CREATE INDEX CONCURRENTLY deposits_memo_idx ON deposits (memo);
