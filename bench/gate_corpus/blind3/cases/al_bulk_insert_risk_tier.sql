BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

INSERT INTO risk_limits (market_id, tier, max_notional, initial_margin_rate, maint_margin_rate) VALUES (1, 11, 100000000000, 0.5, 0.25);

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;
