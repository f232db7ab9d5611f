CREATE INDEX CONCURRENTLY "IDX_kyc_submitted" ON "kyc_documents" ("submitted_at") ;
INSERT INTO "migrations"("timestamp", "name") VALUES (1764667800000, 'KycSubmittedIndex1764667800000');
