-- atlas:txmode none

-- Create index "risk_limits_mmr_idx" to table: "risk_limits"
CREATE INDEX CONCURRENTLY "risk_limits_mmr_idx" ON "risk_limits" ("maintenance_margin_rate");
