SET lock_timeout = '2s';
ALTER TABLE kyc_documents ADD COLUMN review_token uuid DEFAULT gen_random_uuid();
