-- Create index "kyc_open_idx" to table: "kyc_cases"
CREATE INDEX "kyc_open_idx" ON "kyc_cases" ("opened_at") WHERE (closed_at IS NULL);
