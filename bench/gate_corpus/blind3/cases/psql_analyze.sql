ANALYZE positions, funding_rates;
