--
-- Concurrently create index kyc_meta_gin on field(s) meta of model kycdocument
--
CREATE INDEX CONCURRENTLY "kyc_meta_gin" ON "kyc_documents" USING gin ("meta");
