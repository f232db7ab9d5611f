DROP TABLE IF EXISTS wallet_labels_tmp;
