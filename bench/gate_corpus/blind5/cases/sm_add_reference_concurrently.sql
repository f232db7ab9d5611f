SET lock_timeout TO '10s';
ALTER TABLE "aml_alerts" ADD "kyc_case_id" bigint;
CREATE INDEX CONCURRENTLY "index_aml_alerts_on_kyc_case_id" ON "aml_alerts" ("kyc_case_id");
