-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION margin_ratio(equity numeric, maintenance numeric) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$ SELECT (equity / nullif(maintenance, 0))::float8 $$;
-- +goose StatementEnd
