CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);
SET lock_timeout = '2s';
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;
