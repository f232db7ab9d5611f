CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_key ON accounts (lower(email));
