CREATE FUNCTION liquidation_buffer(p_price numeric, p_liq numeric) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN abs(p_price - p_liq) / p_price;
END $$;
