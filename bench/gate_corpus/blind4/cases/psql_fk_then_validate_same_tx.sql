BEGIN;
SET lock_timeout = '2s';
ALTER TABLE api_keys ADD CONSTRAINT api_keys_account_fk2 FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE api_keys VALIDATE CONSTRAINT api_keys_account_fk2;
COMMIT;
