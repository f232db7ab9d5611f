BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

CREATE TABLE liquidity_snapshots (
    market_id SMALLINT NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE NOT NULL,
    depth JSONB NOT NULL,
    PRIMARY KEY (market_id, taken_at)
) PARTITION BY RANGE (taken_at);
CREATE TABLE liquidity_snapshots_2026_12 PARTITION OF liquidity_snapshots FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
