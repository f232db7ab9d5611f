DELETE FROM events WHERE occurred_at < '2026-11-01 00:00+00';
