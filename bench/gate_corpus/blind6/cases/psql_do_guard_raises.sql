DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM payouts WHERE status = 'processing') THEN
        RAISE EXCEPTION 'payouts in flight: drain the queue first';
    END IF;
END
$$;
