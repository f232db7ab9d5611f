CREATE TABLE fx_rates (pair text NOT NULL, at timestamptz NOT NULL, rate numeric(24, 10) NOT NULL);
CREATE INDEX fx_rates_pair_at_idx ON fx_rates (pair, at);
