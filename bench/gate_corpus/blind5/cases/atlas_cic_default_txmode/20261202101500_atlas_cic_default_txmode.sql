-- Create index "loans_broker_idx" to table: "loans"
CREATE INDEX CONCURRENTLY "loans_broker_idx" ON "loans" ("product_id", "opened_at");
