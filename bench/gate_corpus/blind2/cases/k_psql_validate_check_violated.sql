ALTER TABLE deposits VALIDATE CONSTRAINT deposits_min_amount;
