DELETE FROM order_events;
