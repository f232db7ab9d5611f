BEGIN;

-- Running upgrade 4b2e -> 5c3f

CREATE TABLE api_keys (
    id SERIAL NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_api_keys_account_id ON api_keys (account_id);

UPDATE alembic_version SET version_num='5c3f' WHERE alembic_version.version_num = '4b2e';

COMMIT;
