DELETE FROM orders WHERE false;
