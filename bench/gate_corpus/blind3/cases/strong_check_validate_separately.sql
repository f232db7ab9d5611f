ALTER TABLE positions VALIDATE CONSTRAINT positions_size_nonneg;
