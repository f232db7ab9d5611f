-- Your SQL goes here
DELETE FROM events WHERE occurred_at < '2026-10-05 00:00+00';
