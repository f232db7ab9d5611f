REINDEX TABLE daily_volume;
