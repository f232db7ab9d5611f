DELETE FROM accounts WHERE id = 499;
