-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION ltv(outstanding numeric, collateral_usd numeric) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF collateral_usd = 0 THEN
        RETURN NULL;
    END IF;
    RETURN round(outstanding / collateral_usd, 4);
END;
$$;
-- +goose StatementEnd
