--
-- Concurrently create index customers_email_lower_idx on Lower(F(email)) on model customer
--
CREATE INDEX CONCURRENTLY "customers_email_lower_idx" ON "customers" ((LOWER("email")));
