BEGIN;

-- Running upgrade c0ffee000041 -> d00d00000042

SET lock_timeout = '2s';

CREATE TABLE position_tp_sl (
    id BIGSERIAL NOT NULL,
    position_id BIGINT NOT NULL,
    take_profit NUMERIC(38, 12),
    stop_loss NUMERIC(38, 12),
    PRIMARY KEY (id),
    FOREIGN KEY(position_id) REFERENCES positions (id)
);

UPDATE alembic_version SET version_num='d00d00000042' WHERE alembic_version.version_num = 'c0ffee000041';

COMMIT;
