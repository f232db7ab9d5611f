CREATE TYPE order_side AS ENUM ('buy', 'sell');
CREATE SEQUENCE IF NOT EXISTS invoice_seq;
ALTER TYPE order_side ADD VALUE IF NOT EXISTS 'short';
