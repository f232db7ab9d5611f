CREATE FUNCTION accrue() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE interest_accruals SET posted = true WHERE accrual_date < current_date;
