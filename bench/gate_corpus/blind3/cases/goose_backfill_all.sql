-- +goose Up
UPDATE margin_accounts SET collateral_asset = coalesce(collateral_asset, 'USDT');
