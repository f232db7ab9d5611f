-- Add migration script here
MERGE INTO mark_price_cache c USING (VALUES (1::smallint, 101.5)) v(m, p) ON c.market_id = v.m
WHEN MATCHED THEN UPDATE SET price = v.p, at = now()
RETURNING c.market_id;
