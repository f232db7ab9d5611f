ALTER TYPE market_status ADD VALUE IF NOT EXISTS 'halted' BEFORE 'settled';
