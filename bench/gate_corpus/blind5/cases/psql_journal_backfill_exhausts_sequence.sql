INSERT INTO journal_entries (posted_at, description, source_type, source_id, created_by)
SELECT timestamptz '2026-11-24' + g * interval '1 minute', 'migrated accrual ' || g, 'interest', g, 'migration' FROM generate_series(1, 5000) g;
