SET lock_timeout = '2s';
ALTER TABLE api_keys ADD COLUMN rotated_at timestamptz DEFAULT statement_timestamp() + random() * interval '1 day';
