UPDATE ledger_entries SET ref = upper(ref);
