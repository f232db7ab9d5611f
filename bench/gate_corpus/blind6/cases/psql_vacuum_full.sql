VACUUM FULL payouts;
