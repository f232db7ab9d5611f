CLUSTER trades USING trades_executed_idx;
