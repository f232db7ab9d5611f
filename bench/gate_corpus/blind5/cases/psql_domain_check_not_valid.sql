ALTER DOMAIN crypto_amount ADD CONSTRAINT crypto_amount_cap CHECK (VALUE < 1e15) NOT VALID;
