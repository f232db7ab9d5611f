CREATE TABLE fund_topups (id serial PRIMARY KEY, fund_id integer NOT NULL, amount positive_amount NOT NULL);
INSERT INTO fund_topups (fund_id, amount) VALUES (1, 0);
