DELETE FROM ledger_entries WHERE booked_at < '2026-11-01';
