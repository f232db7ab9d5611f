UPDATE counterparties SET tier = tier + 0 WHERE created_at > '2020-01-01';
