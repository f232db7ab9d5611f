SELECT setval('positions_id_seq', (SELECT max(id) FROM positions) + 1000);
