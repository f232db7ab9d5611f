CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_uniq ON accounts (lower(email));
