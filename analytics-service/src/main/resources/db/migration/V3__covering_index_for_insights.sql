-- Insights read an alert's last 14 days of (item, currency, price, time). Fetches of all alerts
-- interleave in the table, so one alert's rows lie on as many pages as it has observations; with
-- these columns in the index its window is an index-only scan of a few pages. It replaces the
-- plain (alert_id, observed_at) index, whose every use it serves.
create index price_observation_alert_window_idx on price_observation (alert_id, observed_at)
    include (item_id, currency, price);

drop index price_observation_alert_time_idx;
