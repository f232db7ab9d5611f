DELETE FROM order_events WHERE created_at < now() - interval '90 days' AND id < 1000000;
