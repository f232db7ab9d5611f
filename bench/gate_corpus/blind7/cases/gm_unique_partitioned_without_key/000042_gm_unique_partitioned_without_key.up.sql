SET lock_timeout = '2s';
CREATE UNIQUE INDEX funding_payments_id_uniq ON funding_payments (id);
