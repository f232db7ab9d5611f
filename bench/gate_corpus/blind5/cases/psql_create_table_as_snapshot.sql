CREATE TABLE loans_snapshot_20261202 AS SELECT * FROM loans WHERE status IN ('active', 'margin_call');
