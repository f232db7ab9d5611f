BEGIN;
SET lock_timeout = '2s';
ALTER TABLE insurance_fund_movements RENAME TO fund_movements;
CREATE VIEW insurance_fund_movements AS SELECT * FROM fund_movements;
COMMIT;
