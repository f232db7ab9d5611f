ALTER TABEL positions ADD COLUMN hedge_mode boolean;
