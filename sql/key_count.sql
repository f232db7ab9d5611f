-- How many distinct combinations of the key columns the table holds (whatif/key_sample.py).
SELECT count(*) AS groups FROM (SELECT DISTINCT {columns} FROM {table}) AS combinations
