DROP TABLE IF EXISTS legacy_order_book_snapshots;
