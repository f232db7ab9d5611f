-- TPC-H at about scale factor 0.01, generated in SQL (deterministic, no dbgen): the specification's row
-- counts, key relationships, value domains and date ranges, so that ANALYZE'd statistics give honest plans.
INSERT INTO region SELECT r, (ARRAY['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'])[r + 1], 'region ' || r
FROM generate_series(0, 4) r;
INSERT INTO nation SELECT n, (ARRAY['ALGERIA', 'ARGENTINA', 'BRAZIL', 'CANADA', 'EGYPT', 'ETHIOPIA', 'FRANCE',
    'GERMANY', 'INDIA', 'INDONESIA', 'IRAN', 'IRAQ', 'JAPAN', 'JORDAN', 'KENYA', 'MOROCCO', 'MOZAMBIQUE', 'PERU',
    'CHINA', 'ROMANIA', 'SAUDI ARABIA', 'VIETNAM', 'RUSSIA', 'UNITED KINGDOM', 'UNITED STATES'])[n + 1],
    (ARRAY[0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1])[n + 1], 'nation ' || n
FROM generate_series(0, 24) n;
INSERT INTO supplier SELECT s, 'Supplier#' || lpad(s::text, 9, '0'), 'address ' || s, s % 25,
    (10 + s % 25) || '-' || lpad((s * 7 % 1000)::text, 3, '0') || '-555-0100', (s * 37 % 11000) - 999.99,
    CASE WHEN s % 50 = 0 THEN 'Customer Complaints noted' ELSE 'supplier ' || s END
FROM generate_series(1, 100) s;
INSERT INTO customer SELECT c, 'Customer#' || lpad(c::text, 9, '0'), 'address ' || c, c % 25,
    (10 + c % 25) || '-' || lpad((c * 7 % 1000)::text, 3, '0') || '-555-0100', (c * 53 % 11000) - 999.99,
    (ARRAY['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'HOUSEHOLD', 'MACHINERY'])[c % 5 + 1], 'customer ' || c
FROM generate_series(1, 1500) c;
INSERT INTO part SELECT p, 'part ' || (ARRAY['green', 'forest', 'blue', 'red', 'ivory'])[p % 5 + 1] || ' ' || p,
    'Manufacturer#' || (p % 5 + 1), 'Brand#' || (p % 5 + 1) || (p / 5 % 5 + 1),
    (ARRAY['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO'])[p % 6 + 1] || ' '
        || (ARRAY['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED'])[p / 6 % 5 + 1] || ' '
        || (ARRAY['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER'])[p / 30 % 5 + 1],
    p % 50 + 1, (ARRAY['SM', 'LG', 'MED', 'JUMBO', 'WRAP'])[p % 5 + 1] || ' '
        || (ARRAY['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM'])[p / 5 % 8 + 1],
    900 + p % 1000 + 0.01 * (p % 100), 'part ' || p
FROM generate_series(1, 2000) p;
INSERT INTO partsupp SELECT p, (p + i * 25) % 100 + 1, p * (i + 3) % 9999 + 1, (p * (i + 7) % 100000) / 100.0 + 1,
    'partsupp ' || p
FROM generate_series(1, 2000) p, generate_series(0, 3) i;
INSERT INTO orders SELECT o, (o * 7 % 1500) + 1, (ARRAY['F', 'O', 'P'])[o % 3 + 1], (o * 131 % 500000) / 1.0 + 1000,
    date '1992-01-01' + (o * 17 % 2405), (ARRAY['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'])[o % 5 + 1],
    'Clerk#' || lpad((o % 10 + 1)::text, 9, '0'), 0,
    CASE WHEN o % 97 = 0 THEN 'special requests' ELSE 'order ' || o END
FROM generate_series(1, 15000) o;
INSERT INTO lineitem SELECT o.o_orderkey, (o.o_orderkey * 13 + l * 7) % 2000 + 1,
    ((o.o_orderkey * 13 + l * 7) % 2000 + l * 25) % 100 + 1, l, (o.o_orderkey + l) % 50 + 1,
    ((o.o_orderkey + l) % 50 + 1) * 1000.0, ((o.o_orderkey + l) % 11) / 100.0, ((o.o_orderkey + l) % 9) / 100.0,
    CASE WHEN o.o_orderdate + 120 < date '1995-06-17' THEN (ARRAY['R', 'A'])[l % 2 + 1] ELSE 'N' END,
    CASE WHEN o.o_orderdate + 120 < date '1995-06-17' THEN 'F' ELSE 'O' END,
    o.o_orderdate + 1 + (o.o_orderkey * l) % 121, o.o_orderdate + 30 + (o.o_orderkey + l) % 61,
    o.o_orderdate + 2 + (o.o_orderkey * l) % 150,
    (ARRAY['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'])[l % 4 + 1],
    (ARRAY['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'])[(o.o_orderkey + l) % 7 + 1], 'line ' || l
FROM orders o, generate_series(1, 7) l
WHERE l <= 1 + o.o_orderkey % 7;
