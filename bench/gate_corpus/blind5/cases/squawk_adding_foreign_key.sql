SET lock_timeout = '2s';
ALTER TABLE staking_delegations ADD CONSTRAINT staking_delegations_customer_fk2 FOREIGN KEY (customer_id) REFERENCES customers (id);
