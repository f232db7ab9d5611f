UPDATE accounts SET note = 'migrated' WHERE note IS NULL;
