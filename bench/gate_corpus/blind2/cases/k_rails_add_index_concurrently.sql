CREATE INDEX CONCURRENTLY "index_withdrawals_on_destination" ON "withdrawals" ("destination");
