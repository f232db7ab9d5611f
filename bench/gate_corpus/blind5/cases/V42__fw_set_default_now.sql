SET lock_timeout = '2s';
ALTER TABLE kyc_cases ALTER COLUMN opened_at SET DEFAULT now();
