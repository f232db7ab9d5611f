CREATE TYPE liquidation_stage AS ENUM ('partial', 'full', 'adl');
