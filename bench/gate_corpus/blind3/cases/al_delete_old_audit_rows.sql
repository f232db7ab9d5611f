BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

DELETE FROM audit_log WHERE audit_log.at < '2026-10-05';

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;
