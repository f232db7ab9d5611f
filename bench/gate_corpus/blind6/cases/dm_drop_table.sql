-- migrate:up
DROP TABLE kyc_checks;

-- migrate:down
CREATE TABLE kyc_checks (id serial PRIMARY KEY);
