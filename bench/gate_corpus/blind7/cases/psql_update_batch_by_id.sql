UPDATE accounts SET note = 'kyc-refresh' WHERE id BETWEEN 1 AND 100;
