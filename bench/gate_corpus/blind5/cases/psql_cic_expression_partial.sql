CREATE INDEX CONCURRENTLY IF NOT EXISTS aml_alerts_escalated_tx_idx ON aml_alerts (((details ->> 'tx_count')::integer)) WHERE status = 'escalated';
