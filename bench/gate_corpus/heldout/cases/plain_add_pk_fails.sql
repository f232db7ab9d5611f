SET lock_timeout = '2s';
ALTER TABLE ledger ADD PRIMARY KEY (id);
