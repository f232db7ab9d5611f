DELETE FROM interest_accruals WHERE accrual_date < '2026-10-01';
