BEGIN;
--
-- Raw SQL operation
--
SET lock_timeout = '2s';
CREATE TABLE "events_2027_01" PARTITION OF "events" FOR VALUES FROM ('2027-01-01 00:00+00') TO ('2027-02-01 00:00+00');
COMMIT;
