-- depends: 20261201_01_perps

DELETE FROM mark_price_cache;
