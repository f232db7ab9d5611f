CREATE INDEX CONCURRENTLY liquidations_month_idx ON liquidations (to_char(liquidated_at, 'YYYY-MM'));
