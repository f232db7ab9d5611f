-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY payouts_recent_idx ON payouts (requested_at) WHERE requested_at > now() - interval '7 days';

-- migrate:down
DROP INDEX payouts_recent_idx;
