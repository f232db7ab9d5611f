SET lock_timeout = '2s';
ALTER TABLE kyc_documents RENAME TO identity_documents;
