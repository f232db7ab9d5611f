SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE order_events ADD PRIMARY KEY (id);
