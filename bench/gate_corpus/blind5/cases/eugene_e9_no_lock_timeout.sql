ALTER TABLE kyc_cases ADD COLUMN risk_note text;
