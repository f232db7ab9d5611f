CREATE UNIQUE INDEX CONCURRENTLY "index_deposits_on_tx_hash" ON "deposits" ("tx_hash");
