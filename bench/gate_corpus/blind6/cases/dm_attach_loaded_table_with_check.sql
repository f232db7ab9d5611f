-- migrate:up
SET lock_timeout = '2s';
ALTER TABLE ledger_entries ATTACH PARTITION ledger_entries_2026_08 FOR VALUES FROM ('2026-08-01') TO ('2026-09-01');

-- migrate:down
ALTER TABLE ledger_entries DETACH PARTITION ledger_entries_2026_08;
