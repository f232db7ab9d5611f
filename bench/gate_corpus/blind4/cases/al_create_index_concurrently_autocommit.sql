-- Running upgrade 8b1e2d4c6a90 -> 8b1e2d4c6a91 (autocommit_block)

COMMIT;
CREATE INDEX CONCURRENTLY ix_outbox_aggregate ON outbox (aggregate, aggregate_id);
BEGIN;
UPDATE alembic_version SET version_num='8b1e2d4c6a91' WHERE alembic_version.version_num = 'c0ffee000001';
COMMIT;
