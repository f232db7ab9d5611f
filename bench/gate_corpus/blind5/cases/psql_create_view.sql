CREATE VIEW open_margin_calls AS SELECT * FROM margin_calls WHERE resolved_at IS NULL;
