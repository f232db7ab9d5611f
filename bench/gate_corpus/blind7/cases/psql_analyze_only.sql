ANALYZE VERBOSE funding_payments;
