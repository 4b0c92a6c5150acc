-- price_observation becomes a table partitioned by observed_at, one partition per UTC day
-- (observation.Partitions creates them ahead and drops them after the retention window).
--
-- Why: at 100,000 alerts the table holds about 100 million rows over 14 days. Retention by DELETE
-- has to find, mark and later vacuum several million rows a day, while ingest writes into the same
-- table and its indexes; dropping yesterday-minus-30's partition removes a day's rows in
-- milliseconds and leaves nothing to vacuum. Insights read a 14-day window, which touches only the
-- window's partitions (partition pruning on observed_at), each through the same covering index.
--
-- How, without rewriting what is stored: the table is renamed and attached, as it is, as the one
-- partition price_observation_legacy covering everything before V8's boundary. Its indexes are
-- taken over by the new table's (V7 built the unique (id, observed_at) one; the others already
-- match), and the CHECK constraint V8 added and V9 validated proves that every row fits, so ATTACH
-- neither builds an index nor reads a row. The whole step holds the exclusive lock for
-- milliseconds, after waiting for the statements running at that moment (ingest batches and
-- insight queries, each under a second). Retention empties the legacy partition with the batched
-- delete it used before and drops it once all of it is past the window. A fresh database has
-- nothing to keep: its empty table is dropped.
--
-- Days after the boundary go into daily partitions created ahead of time; a DEFAULT partition
-- takes any row no daily partition covers (a clock far off, an old event replayed, the minutes
-- between this migration and the first upkeep), so ingest never fails for want of a partition.
--
-- The id stays an identity column, now of the partitioned table (PostgreSQL 17 lets partitions
-- share it); its sequence goes on where the old one stopped, so ids stay unique across old and new
-- rows. A primary key of a partitioned table must contain the partition key: (id, observed_at).

lock table price_observation in access exclusive mode;

create temporary table price_observation_id_position on commit drop as
    select last_value, is_called from price_observation_id_seq;

alter table price_observation rename to price_observation_legacy;
alter index price_observation_alert_item_idx rename to price_observation_legacy_alert_item_idx;
alter index price_observation_alert_market_window_idx
    rename to price_observation_legacy_alert_market_window_idx;
alter table price_observation_legacy drop constraint price_observation_pkey;
alter table price_observation_legacy add constraint price_observation_legacy_pkey
    primary key using index price_observation_id_observed_at_idx;
-- a partition may not have an identity of its own; this drops the old sequence
alter table price_observation_legacy alter column id drop identity;

-- the columns of V1 and V5, in their order
create table price_observation (
    id             bigint generated always as identity,
    alert_id       uuid          not null,
    item_id        varchar(100)  not null,
    title          varchar(300)  not null,
    price          numeric(12, 2) not null,
    currency       varchar(3)    not null,
    item_web_url   varchar(2000),
    image_url      varchar(2000),
    item_condition varchar(60),
    buying_option  varchar(20),
    observed_at    timestamp with time zone not null,
    marketplace    varchar(10)   not null default 'EBAY_US',
    shipping_cost  numeric(12, 2),
    shipping_type  varchar(20),
    primary key (id, observed_at)
) partition by range (observed_at);

select setval(pg_get_serial_sequence('price_observation', 'id'), last_value, is_called)
from price_observation_id_position;

-- The indexes of V1 and V6, now on every partition: created on the still empty parent, they build
-- nothing; ATTACH below adopts the legacy table's identical ones.
create index price_observation_alert_item_idx
    on price_observation (alert_id, item_id, observed_at);
create index price_observation_alert_market_window_idx
    on price_observation (alert_id, marketplace, observed_at) include (item_id, currency, price);

do $$
declare
    bound timestamptz;
begin
    if exists (select 1 from price_observation_legacy) then
        select (regexp_match(pg_get_constraintdef(oid), '''([^'']+)'''))[1]::timestamptz
        into strict bound
        from pg_constraint
        where conrelid = 'price_observation_legacy'::regclass
          and conname = 'price_observation_legacy_bound';
        execute format(
            'alter table price_observation attach partition price_observation_legacy'
                || ' for values from (minvalue) to (%L)',
            bound);
    else
        drop table price_observation_legacy;
    end if;
end
$$;

create table price_observation_default partition of price_observation default;
