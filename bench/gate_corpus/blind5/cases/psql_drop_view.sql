SET lock_timeout = '2s';
DROP VIEW customer_exposure;
