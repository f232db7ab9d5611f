BEGIN;
SET LOCAL lock_timeout = '2s';
LOCK TABLE insurance_funds IN ACCESS EXCLUSIVE MODE;
UPDATE insurance_funds SET balance = balance - 1000 WHERE id = 1;
COMMIT;
