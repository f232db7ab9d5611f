SET lock_timeout = '2s';
DROP VIEW pending_withdrawals;
