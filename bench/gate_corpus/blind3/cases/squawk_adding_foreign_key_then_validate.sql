SET lock_timeout = '2s';
ALTER TABLE margin_calls ADD CONSTRAINT margin_calls_account_fk FOREIGN KEY (account_id) REFERENCES margin_accounts (id) NOT VALID;
ALTER TABLE margin_calls VALIDATE CONSTRAINT margin_calls_account_fk;
