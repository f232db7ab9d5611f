CREATE DOMAIN positive_quantity AS numeric(38, 18) CHECK (VALUE > 0);
