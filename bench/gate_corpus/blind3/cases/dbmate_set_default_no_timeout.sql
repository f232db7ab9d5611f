-- migrate:up
ALTER TABLE margin_accounts ALTER COLUMN leverage SET DEFAULT 5;

-- migrate:down
ALTER TABLE margin_accounts ALTER COLUMN leverage SET DEFAULT 10;
