-- Deploy exchange:recompute_fees to pg

BEGIN;

UPDATE trades t SET fee = t.notional * fs.taker_bps / 10000 FROM fee_schedules fs WHERE fs.id = t.fee_schedule_id;

COMMIT;
