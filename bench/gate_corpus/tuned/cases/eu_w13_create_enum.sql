CREATE TYPE fill_status AS ENUM ('open', 'done');
