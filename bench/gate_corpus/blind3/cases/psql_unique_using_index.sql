CREATE UNIQUE INDEX CONCURRENTLY kyc_documents_storage_key_uniq ON kyc_documents (storage_key);
SET lock_timeout = '2s';
ALTER TABLE kyc_documents ADD CONSTRAINT kyc_documents_storage_key_key UNIQUE USING INDEX kyc_documents_storage_key_uniq;
