-- The same on one row a page of a sample of pages (whatif/key_sample.py). One row a page, at an offset that hashes the row's address: the first row of each page would space the sample evenly, and a key that cycles with the row number never repeats in it.
SELECT coalesce(sum(seen), 0) AS sampled, count(*) AS groups, count(*) FILTER (WHERE seen = 1) AS once
FROM (SELECT count(*) AS seen
      FROM (SELECT DISTINCT ON ((ctid::text::point)[0]) {columns}
            FROM {table} TABLESAMPLE SYSTEM (%s) REPEATABLE (0)
            ORDER BY (ctid::text::point)[0], hashtext(ctid::text)) AS sample
      GROUP BY {columns}) AS grouped
