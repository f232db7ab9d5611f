SET lock_timeout = '2s';
CREATE OR REPLACE VIEW customer_exposure AS
SELECT c.id AS customer_id, count(l.id) AS open_loans, coalesce(sum(l.outstanding), 0) AS outstanding
FROM customers c LEFT JOIN loans l ON l.customer_id = c.id AND l.closed_at IS NULL
GROUP BY c.id;
