-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY referral_payouts_code_idx ON referral_payouts (code);

-- migrate:down
DROP INDEX referral_payouts_code_idx;
