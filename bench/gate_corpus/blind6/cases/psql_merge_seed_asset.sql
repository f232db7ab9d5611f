MERGE INTO assets a
USING (VALUES ('ARB', 'Arbitrum', 18)) AS v (code, name, decimals) ON a.code = v.code
WHEN NOT MATCHED THEN INSERT (code, name, decimals) VALUES (v.code, v.name, v.decimals);
