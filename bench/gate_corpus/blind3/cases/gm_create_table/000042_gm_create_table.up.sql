CREATE TABLE IF NOT EXISTS socialized_losses (
  id bigserial PRIMARY KEY,
  market_id integer NOT NULL,
  amount numeric(38,8) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
