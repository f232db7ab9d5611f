UPDATE markets SET params = params || '{"oracle": "index-v3"}';
