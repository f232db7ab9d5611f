INSERT INTO shop_customer (email, name) VALUES ('ops@shop.test', 'Ops');
