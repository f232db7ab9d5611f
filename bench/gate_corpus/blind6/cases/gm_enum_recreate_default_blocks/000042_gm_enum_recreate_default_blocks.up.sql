SET lock_timeout = '2s';
ALTER TYPE kyc_level RENAME TO kyc_level_old;
CREATE TYPE kyc_level AS ENUM ('basic', 'enhanced', 'institutional');
ALTER TABLE counterparties ALTER COLUMN kyc TYPE kyc_level USING kyc::text::kyc_level;
DROP TYPE kyc_level_old;
