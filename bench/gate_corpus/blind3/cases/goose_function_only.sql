-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION funding_owed(p_account bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(amount), 0) FROM funding_payments WHERE account_id = p_account
$$;
-- +goose StatementEnd
