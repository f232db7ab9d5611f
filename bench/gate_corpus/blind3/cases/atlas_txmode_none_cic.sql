-- atlas:txmode none

-- Create index "margin_calls_created_at" to table: "margin_calls"
CREATE INDEX CONCURRENTLY "margin_calls_created_at" ON "margin_calls" ("created_at");
