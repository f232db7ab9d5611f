-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE counterparties ALTER COLUMN kyc DROP DEFAULT;
ALTER TYPE kyc_level RENAME TO kyc_level_old;
CREATE TYPE kyc_level AS ENUM ('basic', 'enhanced', 'institutional');
ALTER TABLE counterparties ALTER COLUMN kyc TYPE kyc_level USING kyc::text::kyc_level;
ALTER TABLE counterparties ALTER COLUMN kyc SET DEFAULT 'basic';
DROP TYPE kyc_level_old;

-- migrate:down
SELECT 1;
