SET lock_timeout = '2s';
ALTER TABLE funding_payments DETACH PARTITION funding_payments_2026_10;
