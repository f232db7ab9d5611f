CREATE TYPE collateral_event AS ENUM ('pledged', 'topped_up', 'released', 'seized');
