<<<<<<< HEAD
ALTER TABLE positions ADD COLUMN hedge_ref text;
=======
ALTER TABLE positions ADD COLUMN hedge_id bigint;
>>>>>>> feature/hedging
