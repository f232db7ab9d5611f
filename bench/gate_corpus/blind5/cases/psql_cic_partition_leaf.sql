CREATE INDEX CONCURRENTLY IF NOT EXISTS interest_accruals_2026_11_posted_idx ON interest_accruals_2026_11 (posted);
