SET lock_timeout = '2s';
ALTER TABLE kyc_documents ADD COLUMN retention_days integer NOT NULL DEFAULT 1825;
