BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

COMMENT ON TABLE staking_delegations IS 'customer stake per validator; amounts in the asset''s base unit';

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
