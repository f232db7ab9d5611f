SET lock_timeout = '2s';
ALTER TABLE kyc_documents ALTER COLUMN status TYPE varchar(16);
