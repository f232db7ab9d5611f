SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
