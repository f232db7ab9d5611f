-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION fund_drawdown(p_fund integer) RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT sum(amount) FROM fund_drawdowns WHERE fund_id = p_fund);
END $$;
-- +goose StatementEnd
