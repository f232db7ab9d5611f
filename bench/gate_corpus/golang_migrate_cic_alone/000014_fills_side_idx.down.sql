DROP INDEX fills_side_idx;
