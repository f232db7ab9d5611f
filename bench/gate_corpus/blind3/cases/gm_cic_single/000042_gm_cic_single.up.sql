CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_kyc_documents_status ON kyc_documents (status);
