CREATE OR REPLACE VIEW account_equity AS
SELECT a.id AS account_id, a.user_id, a.balance,
       a.balance + coalesce(sum((p.mark_price - p.entry_price) * p.size *
                                CASE p.side WHEN 'long' THEN 1 ELSE -1 END), 0) AS equity,
       count(p.id) AS open_positions
FROM margin_accounts a LEFT JOIN positions p ON p.account_id = a.id AND p.status = 'open'
GROUP BY a.id;
