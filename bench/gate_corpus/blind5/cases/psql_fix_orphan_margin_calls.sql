DELETE FROM margin_calls WHERE NOT EXISTS (SELECT FROM loans WHERE loans.id = margin_calls.loan_id);
