DO $$
BEGIN
    UPDATE wallets SET balance = round(balance, 8);
END
$$;
