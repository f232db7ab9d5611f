ALTER TYPE kyc_level ADD VALUE 'pep' AFTER 'premium';
