GRANT SELECT ON payout_queue, open_rfqs TO PUBLIC;
