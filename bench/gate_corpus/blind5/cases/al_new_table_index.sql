BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

CREATE TABLE collateral_valuations (
    id BIGSERIAL NOT NULL, 
    position_id BIGINT NOT NULL, 
    value_usd NUMERIC(20, 2) NOT NULL, 
    valued_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    PRIMARY KEY (id)
);

CREATE INDEX ix_collateral_valuations_position_id ON collateral_valuations (position_id);

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
