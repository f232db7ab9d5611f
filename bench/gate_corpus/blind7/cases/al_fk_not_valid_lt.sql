BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

SET lock_timeout = '2s';
ALTER TABLE audit_events ADD CONSTRAINT audit_events_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
