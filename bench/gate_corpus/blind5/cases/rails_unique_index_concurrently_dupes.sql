CREATE UNIQUE INDEX CONCURRENTLY "index_customers_on_lower_email" ON "customers" (lower(email));
