CREATE INDEX CONCURRENTLY "index_refunds_on_payment_id" ON "refunds" ("payment_id");
