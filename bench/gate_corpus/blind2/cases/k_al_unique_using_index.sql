BEGIN;

-- Running upgrade c41d9e07a2b3 -> 5e8f3b21c9d4

COMMIT;

CREATE UNIQUE INDEX CONCURRENTLY uq_deposits_tx_vout ON deposits (tx_hash, vout);

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE deposits ADD CONSTRAINT uq_deposits_tx_vout UNIQUE USING INDEX uq_deposits_tx_vout;

UPDATE alembic_version SET version_num='5e8f3b21c9d4' WHERE alembic_version.version_num = 'c41d9e07a2b3';

COMMIT;
