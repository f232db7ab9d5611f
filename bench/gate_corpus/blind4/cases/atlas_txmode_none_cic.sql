-- atlas:txmode none

-- Create index "withdrawals_address_idx" to table: "withdrawals"
CREATE INDEX CONCURRENTLY "withdrawals_address_idx" ON "public"."withdrawals" ("address");
