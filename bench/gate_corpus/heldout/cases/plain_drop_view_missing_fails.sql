DROP VIEW customer_summary;
