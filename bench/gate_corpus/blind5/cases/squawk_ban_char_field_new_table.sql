CREATE TABLE swift_messages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bic char(11) NOT NULL,
    mt_type char(5) NOT NULL,
    body text NOT NULL
);
