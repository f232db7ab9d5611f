DELETE FROM orders WHERE placed_on = DATE '2026-11-28';
