SET lock_timeout = '2s';
CREATE TABLE withdrawal_limits (
    customer_id bigint PRIMARY KEY REFERENCES customers (id),
    daily_limit_usd numeric(18, 2) NOT NULL DEFAULT 10000,
    updated_at timestamptz NOT NULL DEFAULT now()
);
