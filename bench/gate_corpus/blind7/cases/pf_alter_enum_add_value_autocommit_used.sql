ALTER TYPE margin_mode ADD VALUE 'portfolio';
UPDATE margin_accounts SET mode = 'portfolio' WHERE id = 1;
