-- What TimescaleDB itself would segment and order each hypertable's compressed chunks by (TimescaleDB 2.14 and
-- later): its heuristics read the unique indexes and pg_stats, so pgtune can show them beside its own choice.
SELECT h.hypertable_schema, h.hypertable_name, d.segmentby::text AS segmentby,
    _timescaledb_functions.get_orderby_defaults(
        h.relation, ARRAY(SELECT jsonb_array_elements_text(d.segmentby -> 'columns')))::text AS orderby
FROM (SELECT hypertable_schema, hypertable_name,
             (quote_ident(hypertable_schema) || '.' || quote_ident(hypertable_name))::regclass AS relation
      FROM timescaledb_information.hypertables) h
CROSS JOIN LATERAL (SELECT _timescaledb_functions.get_segmentby_defaults(h.relation) AS segmentby) d;
