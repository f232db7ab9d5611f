-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION margin_ratio(equity numeric, maintenance numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT equity / nullif(maintenance, 0) $$;
-- +goose StatementEnd
