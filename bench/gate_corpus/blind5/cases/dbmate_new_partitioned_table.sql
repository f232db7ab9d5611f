-- migrate:up
CREATE TABLE withdrawal_requests (
  id bigint GENERATED ALWAYS AS IDENTITY,
  customer_id bigint NOT NULL,
  asset text NOT NULL,
  amount numeric(38,18) NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, requested_at)
) PARTITION BY RANGE (requested_at);
CREATE TABLE withdrawal_requests_2026_12 PARTITION OF withdrawal_requests FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
CREATE TABLE withdrawal_requests_2027_01 PARTITION OF withdrawal_requests FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');

-- migrate:down
DROP TABLE withdrawal_requests;
