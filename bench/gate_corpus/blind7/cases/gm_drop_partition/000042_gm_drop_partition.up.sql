SET lock_timeout = '2s';
DROP TABLE funding_payments_2026_10;
