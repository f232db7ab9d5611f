-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE withdrawals ENABLE ROW LEVEL SECURITY;

-- migrate:down
ALTER TABLE withdrawals DISABLE ROW LEVEL SECURITY;
