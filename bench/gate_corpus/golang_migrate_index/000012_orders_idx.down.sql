DROP INDEX orders_side_idx;
