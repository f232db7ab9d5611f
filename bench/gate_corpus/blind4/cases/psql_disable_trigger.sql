ALTER TABLE order_books DISABLE TRIGGER order_books_touch;
