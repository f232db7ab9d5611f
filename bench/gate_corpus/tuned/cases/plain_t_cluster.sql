CLUSTER fills USING fills_pkey;
