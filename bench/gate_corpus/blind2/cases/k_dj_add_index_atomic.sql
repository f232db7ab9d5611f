BEGIN;
--
-- Create index deposits_tx_hash_idx on field(s) tx_hash of model deposit
--
CREATE INDEX "deposits_tx_hash_idx" ON "deposits" ("tx_hash");
COMMIT;
