BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

SET lock_timeout = '2s';

ALTER TABLE kyc_documents ADD CONSTRAINT uq_kyc_storage_key UNIQUE (storage_key);

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;
