-- Your SQL goes here
CREATE TABLE referral_payouts (
    id BIGSERIAL PRIMARY KEY,
    referrer_id BIGINT NOT NULL,
    amount NUMERIC(38, 8) NOT NULL,
    paid_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
