-- nothing
SELECT 1;
