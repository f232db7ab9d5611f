ALTER SEQUENCE margin_call_ticket_seq AS bigint;
