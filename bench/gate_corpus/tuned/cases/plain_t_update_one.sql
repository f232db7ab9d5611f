UPDATE accounts SET email = 'x@y.z' WHERE id = 1;
