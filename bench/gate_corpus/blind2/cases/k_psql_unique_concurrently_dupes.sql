CREATE UNIQUE INDEX CONCURRENTLY clients_email_key ON clients (email);
