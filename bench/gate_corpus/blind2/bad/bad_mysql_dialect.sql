ALTER TABLE `wallets` ADD COLUMN `tag` VARCHAR(20) AFTER `label`;
