-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE payouts_2026q2 ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;

-- migrate:down
SELECT 1;
