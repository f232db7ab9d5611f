MERGE INTO insurance_fund f
USING (SELECT asset, sum(amount) AS delta FROM insurance_fund_events WHERE created_at >= '2026-11-30' GROUP BY asset) e
ON f.asset = e.asset
WHEN MATCHED THEN UPDATE SET balance = f.balance + e.delta, updated_at = now()
WHEN NOT MATCHED THEN INSERT (asset, balance) VALUES (e.asset, e.delta);
