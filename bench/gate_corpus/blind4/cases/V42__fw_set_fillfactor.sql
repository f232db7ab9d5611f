SET lock_timeout = '2s';
ALTER TABLE order_books SET (fillfactor = 70);
