SET lock_timeout = '2s';
CREATE POLICY orders_owner ON orders USING (account_id = 1);
