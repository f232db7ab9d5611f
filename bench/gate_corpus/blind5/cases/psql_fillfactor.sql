ALTER TABLE loans SET (fillfactor = 85);
