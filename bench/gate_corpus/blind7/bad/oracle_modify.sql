ALTER TABLE positions MODIFY (liquidation_price NUMBER(28,10) NOT NULL);
COMMIT;
/
