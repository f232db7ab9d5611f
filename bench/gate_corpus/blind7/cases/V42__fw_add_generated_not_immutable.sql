SET lock_timeout = '2s';
ALTER TABLE positions ADD COLUMN opened_day date GENERATED ALWAYS AS (opened_at::date) STORED;
