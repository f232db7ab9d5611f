-- atlas:txmode none

SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY "risk_limits_mmr_idx" ON "risk_limits" ("maintenance_margin_rate");
