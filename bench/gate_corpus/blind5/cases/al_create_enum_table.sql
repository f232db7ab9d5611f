BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

CREATE TYPE payout_method AS ENUM ('onchain', 'internal', 'fiat');

CREATE TABLE staking_payouts (
    id BIGSERIAL NOT NULL, 
    delegation_id BIGINT NOT NULL, 
    method payout_method NOT NULL, 
    amount NUMERIC(38, 18) NOT NULL, 
    paid_at TIMESTAMP WITH TIME ZONE, 
    PRIMARY KEY (id)
);

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
