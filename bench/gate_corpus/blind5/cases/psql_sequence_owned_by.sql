CREATE SEQUENCE loan_reference_seq;
ALTER SEQUENCE loan_reference_seq OWNED BY loans.id;
