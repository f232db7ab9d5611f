SET lock_timeout = '2s';
CREATE TABLE funding_payments_2027_01 (LIKE funding_payments INCLUDING DEFAULTS);
ALTER TABLE funding_payments_2027_01 ADD CONSTRAINT fp_2027_01_range CHECK (funding_time >= '2027-01-01 00:00+00' AND funding_time < '2027-02-01 00:00+00');
ALTER TABLE funding_payments ATTACH PARTITION funding_payments_2027_01 FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');
