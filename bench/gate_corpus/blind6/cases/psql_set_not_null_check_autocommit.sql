SET lock_timeout = '2s';
ALTER TABLE counterparties ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE counterparties VALIDATE CONSTRAINT email_nn;
ALTER TABLE counterparties ALTER COLUMN email SET NOT NULL;
ALTER TABLE counterparties DROP CONSTRAINT email_nn;
