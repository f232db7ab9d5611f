CREATE INDEX CONCURRENTLY idx_kyc_documents_status ON kyc_documents (status);
CREATE INDEX CONCURRENTLY idx_kyc_documents_type ON kyc_documents (doc_type);
