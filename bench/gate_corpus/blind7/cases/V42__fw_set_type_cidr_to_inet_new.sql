CREATE TABLE ip_allowlist (account_id bigint NOT NULL, net cidr NOT NULL);
ALTER TABLE ip_allowlist ALTER COLUMN net TYPE inet;
