-- migrate:up
CREATE TABLE fees (id bigint PRIMARY KEY, bps int NOT NULL);

-- migrate:down
DROP TABLE fees;
