ALTER SEQUENCE liquidation_id_seq AS smallint MAXVALUE 32767;
