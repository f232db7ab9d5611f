DELETE FROM funding_payments WHERE funding_time < '2026-10-15';
