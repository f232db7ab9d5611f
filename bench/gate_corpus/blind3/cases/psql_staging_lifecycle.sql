CREATE TABLE tmp_funding_fix AS SELECT id, funding_time FROM funding_payments WHERE amount = 0;
CREATE INDEX ON tmp_funding_fix (id);
DROP TABLE tmp_funding_fix;
