MERGE INTO insurance_fund f
USING (VALUES ('ETH', 0)) AS v(asset, balance) ON f.asset = v.asset
WHEN NOT MATCHED THEN INSERT (asset, balance) VALUES (v.asset, v.balance)
RETURNING merge_action(), f.asset;
