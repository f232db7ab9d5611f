UPDATE fills SET settled = false WHERE true;
