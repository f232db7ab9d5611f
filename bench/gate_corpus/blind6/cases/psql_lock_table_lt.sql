BEGIN;
SET LOCAL lock_timeout = '2s';
LOCK TABLE fee_schedules IN SHARE ROW EXCLUSIVE MODE;
UPDATE fee_schedules SET valid_to = '2027-06-30' WHERE id = 1;
COMMIT;
