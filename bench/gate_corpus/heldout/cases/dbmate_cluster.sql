-- migrate:up
CLUSTER users USING users_pkey;

-- migrate:down
SELECT 1;
