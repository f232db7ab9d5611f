BEGIN;
LOCK TABLE insurance_funds IN SHARE ROW EXCLUSIVE MODE;
UPDATE insurance_funds SET balance = balance - 1000 WHERE id = 1;
COMMIT;
