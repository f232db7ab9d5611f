CREATE INDEX CONCURRENTLY idx_settlements_status ON settlements (status);
