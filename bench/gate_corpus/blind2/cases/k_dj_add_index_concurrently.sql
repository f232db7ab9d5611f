--
-- Concurrently create index deposits_tx_hash_idx on field(s) tx_hash of model deposit
--
CREATE INDEX CONCURRENTLY "deposits_tx_hash_idx" ON "deposits" ("tx_hash");
