BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

CREATE VIEW liquidation_summary AS SELECT insurance_fund_id, count(*) AS liquidations, sum(loss) AS loss FROM liquidations GROUP BY insurance_fund_id;

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
