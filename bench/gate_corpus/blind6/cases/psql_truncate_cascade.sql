TRUNCATE counterparties CASCADE;
