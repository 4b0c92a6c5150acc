-- analytics keeps its own copy of each alert, rebuilt from events; a deleted alert stays as a
-- tombstone so that a late create or update cannot bring it back.
create table alert_copy (
    id                uuid primary key,
    email             varchar(254)  not null,
    search_phrase     varchar(100)  not null,
    frequency_minutes integer       not null,
    min_price         numeric(11, 2),
    max_price         numeric(11, 2),
    currency          varchar(3)    not null,
    item_condition    varchar(16)   not null,
    buying_option     varchar(16)   not null,
    exclude_words     text[]        not null default '{}',
    active            boolean       not null,
    deleted           boolean       not null default false,
    version           bigint        not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null
);

create index alert_copy_email_idx on alert_copy (email) where active and not deleted;

-- Append-only: one row per listing seen in one fetch.
create table price_observation (
    id            bigint generated always as identity primary key,
    alert_id      uuid          not null,
    item_id       varchar(100)  not null,
    title         varchar(300)  not null,
    price         numeric(12, 2) not null,
    currency      varchar(3)    not null,
    item_web_url  varchar(2000),
    image_url     varchar(2000),
    item_condition varchar(60),
    buying_option varchar(20),
    observed_at   timestamp with time zone not null
);

-- "per alert, last 14 days" and the per-listing history within it.
create index price_observation_alert_time_idx on price_observation (alert_id, observed_at);
create index price_observation_alert_item_idx on price_observation (alert_id, item_id, observed_at);

-- Ids of applied events, written in the same transaction as their effect: a redelivered event is
-- recognised and skipped.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamp with time zone not null
);

create index processed_event_time_idx on processed_event (processed_at);
