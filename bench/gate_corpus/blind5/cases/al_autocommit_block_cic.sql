BEGIN;

-- Running upgrade 5c1d9e0b7a22 -> 6d2e0f1c8b33

COMMIT;

CREATE INDEX CONCURRENTLY ix_kyc_cases_opened_at ON kyc_cases (opened_at);

BEGIN;

UPDATE alembic_version SET version_num='6d2e0f1c8b33' WHERE alembic_version.version_num = '5c1d9e0b7a22';

COMMIT;
