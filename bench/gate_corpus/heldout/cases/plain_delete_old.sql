DELETE FROM comments WHERE created_at < now() - interval '10 years';
