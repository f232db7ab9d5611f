ALTER TYPE kyc_status ADD VALUE 'escalated' BEFORE 'approved';
