CREATE TABLE fee_import (tier smallint, maker_bps numeric, taker_bps numeric);
INSERT INTO fee_import VALUES (1, 7, 17);
UPDATE fee_import SET maker_bps = maker_bps;
TRUNCATE fee_import;
DROP TABLE fee_import;
