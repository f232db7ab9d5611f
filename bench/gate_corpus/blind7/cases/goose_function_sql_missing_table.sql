-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION fund_drawdown(p_fund integer) RETURNS numeric LANGUAGE sql AS $$
    SELECT sum(amount) FROM fund_drawdowns WHERE fund_id = p_fund
$$;
-- +goose StatementEnd
