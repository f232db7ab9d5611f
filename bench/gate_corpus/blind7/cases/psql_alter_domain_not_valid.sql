ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_cap CHECK (VALUE < 1e15) NOT VALID;
