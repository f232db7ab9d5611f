SET lock_timeout = '2s';
CREATE TABLE price_marks_ada (LIKE price_marks INCLUDING DEFAULTS);
ALTER TABLE price_marks_ada ADD CONSTRAINT price_marks_ada_asset CHECK (asset = 'ADA');
ALTER TABLE price_marks ATTACH PARTITION price_marks_ada FOR VALUES IN ('ADA');
