BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

CREATE TYPE hedge_status AS ENUM ('pending', 'placed', 'filled');

CREATE TABLE hedges (
    id BIGSERIAL NOT NULL,
    status hedge_status NOT NULL,
    notional NUMERIC(28, 8) NOT NULL,
    PRIMARY KEY (id)
);

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
