SET lock_timeout = '2s';
TRUNCATE price_marks_other;
