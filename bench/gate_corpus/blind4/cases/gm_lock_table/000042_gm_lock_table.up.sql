BEGIN;
LOCK TABLE order_books IN ACCESS EXCLUSIVE MODE;
UPDATE order_books SET sequence = sequence + 1 WHERE market_id = 1;
COMMIT;
