CREATE SEQUENCE hedge_ref_seq;
CREATE TABLE hedge_fills (id bigint PRIMARY KEY DEFAULT nextval('hedge_ref_seq'), qty numeric NOT NULL);
ALTER SEQUENCE hedge_ref_seq OWNED BY hedge_fills.id;
