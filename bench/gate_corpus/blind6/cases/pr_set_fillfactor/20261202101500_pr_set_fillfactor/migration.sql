-- Tune HOT updates on quotes
ALTER TABLE "quotes" SET (fillfactor = 90);
