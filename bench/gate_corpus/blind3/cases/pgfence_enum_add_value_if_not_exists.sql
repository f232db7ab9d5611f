ALTER TYPE position_side ADD VALUE IF NOT EXISTS 'hedge';
