CREATE STATISTICS loans_status_product_stats (dependencies) ON status, product_id FROM loans;
