CREATE TABLE price_alerts (id bigint NOT NULL, asset_code varchar(10) NOT NULL, fired_at timestamptz NOT NULL) PARTITION BY RANGE (fired_at);
CREATE TABLE price_alerts_2026_12 PARTITION OF price_alerts FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
