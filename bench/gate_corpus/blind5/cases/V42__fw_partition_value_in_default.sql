SET lock_timeout = '2s';
CREATE TABLE price_marks_sol PARTITION OF price_marks FOR VALUES IN ('SOL');
