BEGIN;
SET lock_timeout = '2s';
ALTER TABLE margin_calls ADD CONSTRAINT margin_calls_loan_fk FOREIGN KEY (loan_id) REFERENCES loans (id) NOT VALID;
COMMIT;
ALTER TABLE margin_calls VALIDATE CONSTRAINT margin_calls_loan_fk;
