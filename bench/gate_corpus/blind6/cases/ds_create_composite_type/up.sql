-- Your SQL goes here
CREATE TYPE money_amount AS (amount numeric(38, 18), currency char(3));
