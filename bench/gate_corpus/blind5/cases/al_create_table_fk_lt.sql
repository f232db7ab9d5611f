BEGIN;

-- Running upgrade 3f2a9c1d7e10 -> 8b1e2d4c6a90

SET lock_timeout = '3s';

CREATE TABLE loan_guarantors (
    id BIGSERIAL NOT NULL, 
    loan_id BIGINT NOT NULL, 
    guarantor_customer_id BIGINT NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(loan_id) REFERENCES loans (id), 
    FOREIGN KEY(guarantor_customer_id) REFERENCES customers (id)
);

UPDATE alembic_version SET version_num='8b1e2d4c6a90' WHERE alembic_version.version_num = '3f2a9c1d7e10';

COMMIT;
