-- Insights read an alert's window on its current marketplace only (V5). With the marketplace in the
-- covering index (V3) that stays an index-only scan of a few pages per alert; without it, every row
-- of the window would be read from the table to check its marketplace, one page per observation.
-- The new index serves every query the old one did (each names the alert's marketplace), so the old
-- one goes.
--
-- Built CONCURRENTLY: a plain CREATE INDEX holds off every insert into price_observation (ingest)
-- for the whole build, minutes on a table of hundreds of millions of rows; CONCURRENTLY lets ingest
-- and insights go on, for two scans of the table instead of one. It cannot run inside a
-- transaction, so this migration holds nothing else (Flyway then runs it without one), and
-- spring.flyway.postgresql.transactional-lock is false: Flyway's default lock is held by an open
-- transaction, which the build would wait for forever.
--
-- If the build fails midway (the instance stopped, say), PostgreSQL keeps an INVALID index and
-- Flyway a failed migration: drop index price_observation_alert_market_window_idx, run flyway
-- repair and start again.
create index concurrently price_observation_alert_market_window_idx
    on price_observation (alert_id, marketplace, observed_at) include (item_id, currency, price);

drop index concurrently price_observation_alert_window_idx;
