-- First of four steps (V7..V10) that turn price_observation into a table partitioned by day (see
-- V10). A primary key of a partitioned table must contain the partition key, so the key becomes
-- (id, observed_at); the rows already stored become one partition, which must then have the same
-- unique index. Built here CONCURRENTLY, while ingest and insights go on, so that V10 only swaps
-- the key's constraint onto it (milliseconds) instead of building it under an exclusive lock. Like
-- V6 it cannot run in a transaction, so it holds nothing else.
--
-- If the build fails midway, PostgreSQL keeps an INVALID index and Flyway a failed migration: drop
-- index price_observation_id_observed_at_idx, run flyway repair and start again.
create unique index concurrently price_observation_id_observed_at_idx
    on price_observation (id, observed_at);
