-- migrate:up
CREATE TABLE payouts_v2 (LIKE payouts INCLUDING ALL);

-- migrate:down
DROP TABLE payouts_v2;
