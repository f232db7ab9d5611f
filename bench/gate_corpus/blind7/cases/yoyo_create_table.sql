-- depends: 20261201_01_perps

CREATE TABLE withdrawal_limits (tier account_tier PRIMARY KEY, daily_usd numeric NOT NULL);
