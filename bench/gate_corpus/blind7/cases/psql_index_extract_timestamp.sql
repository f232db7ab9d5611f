CREATE INDEX CONCURRENTLY accounts_signup_year_idx ON accounts ((extract(year FROM created_at)));
