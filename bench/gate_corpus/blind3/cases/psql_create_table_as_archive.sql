CREATE TABLE positions_closed_2026q3 AS
SELECT * FROM positions WHERE status = 'closed' AND closed_at < '2026-10-01';
