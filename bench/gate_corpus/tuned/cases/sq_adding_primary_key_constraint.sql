SET lock_timeout = '2s';
ALTER TABLE order_events ADD PRIMARY KEY (id);
