-- One-click feedback: what an address does not want to see again, for one alert or for all of
-- its alerts. Applied to every run's results before anything is decided, so a muted listing,
-- seller or word reaches no channel and no feed.
create table mute (
    id         uuid primary key,
    email      varchar(254) not null,
    -- null: every alert of the address (sellers and words only)
    alert_id   uuid references alert (id) on delete cascade,
    kind       varchar(10)  not null check (kind in ('LISTING', 'SELLER', 'WORD')),
    -- LISTING: the item id; SELLER: the eBay user name; WORD: the word, lower case
    value      varchar(300) not null,
    -- LISTING: the listing as it was told, which suggestions learn from
    title      varchar(300),
    seller     varchar(100),
    category   varchar(12),
    created_at timestamp with time zone not null,
    check (kind <> 'LISTING' or alert_id is not null)
);

-- Muting twice is one mute.
create unique index mute_once on mute
    (email, coalesce(alert_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, lower(value));
create index mute_alert_idx on mute (alert_id);
create index mute_everywhere_idx on mute (email) where alert_id is null;
