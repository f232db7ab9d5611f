ALTER TYPE order_status RENAME VALUE 'partially_filled' TO 'partial';
