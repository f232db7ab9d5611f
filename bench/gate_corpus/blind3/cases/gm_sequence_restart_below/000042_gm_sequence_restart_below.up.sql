ALTER SEQUENCE margin_call_ticket_seq AS integer MAXVALUE 2147480500;
