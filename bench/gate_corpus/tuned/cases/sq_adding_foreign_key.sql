SET lock_timeout = '2s';
ALTER TABLE balances ADD CONSTRAINT balances_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
