ALTER TABLE fills SET (fillfactor = 80);
