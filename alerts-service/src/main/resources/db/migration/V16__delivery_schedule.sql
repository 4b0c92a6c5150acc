-- When an address's alert emails go out: at once (INSTANT, the default without a row), at the top
-- of every hour (HOURLY) or once a day at a local time (DAILY), folded into one email per slot.
create table delivery_schedule (
    email          varchar(254) primary key,
    mode           varchar(10)  not null check (mode in ('INSTANT', 'HOURLY', 'DAILY')),
    daily_at       time,
    time_zone      varchar(64)  not null,
    -- reasons that never wait for the slot, comma-separated (TARGET_PRICE, ENDING_SOON)
    always_instant varchar(100) not null,
    updated_at     timestamp with time zone not null,
    check ((mode = 'DAILY') = (daily_at is not null))
);

-- What waits for an address's next digest: one run's email share of listings (the payload every
-- channel reads), written in the run's transaction. Deleting the alert drops what it waits with.
create table digest_item (
    id         uuid primary key,
    email      varchar(254) not null,
    alert_id   uuid         not null references alert (id) on delete cascade,
    payload    jsonb        not null,
    listings   integer      not null,
    -- the slot it goes out at (moved when the address changes its schedule)
    due_at     timestamp with time zone not null,
    -- when its last auction ends, if every listing is an auction: not worth sending after that
    expires_at timestamp with time zone,
    created_at timestamp with time zone not null
);
create index digest_item_due_idx on digest_item (due_at);
create index digest_item_email_idx on digest_item (email, created_at, id);
create index digest_item_alert_idx on digest_item (alert_id);

-- A digest is one email to an address about several alerts: a delivery of no alert and no channel,
-- in the same outbox (same retries, parking and metrics), one at a time per address.
alter table delivery alter column alert_id drop not null;
alter table delivery alter column channel_id drop not null;
alter table delivery add column digest_email varchar(254);
alter table delivery add constraint delivery_target_check
    check ((digest_email is null) = (alert_id is not null and channel_id is not null));
create index delivery_digest_idx on delivery (digest_email, created_at, id)
    where digest_email is not null and status in ('PENDING', 'PARKED');
