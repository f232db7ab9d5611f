SET lock_timeout = '3s';
SET statement_timeout = '15min';
CREATE TABLE IF NOT EXISTS import_batch (id bigint, payload jsonb);
INSERT INTO import_batch SELECT id, '{}'::jsonb FROM accounts WHERE id < 100;
TRUNCATE import_batch;
DROP TABLE import_batch;
