-- Notice rules, per alert: what is told (new listings, drops, a target price, auctions ending
-- soon) and when it is held back (quiet hours in the alert's time zone, a daily cap).
alter table alert add column notify_new_listings boolean not null default true;
alter table alert add column notify_price_drops  boolean not null default true;
alter table alert add column target_price        numeric(11, 2) check (target_price >= 0);
alter table alert add column ending_soon_minutes integer
    check (ending_soon_minutes between 1 and 10080);
alter table alert add column quiet_start         time;
alter table alert add column quiet_end           time;
alter table alert add column time_zone           varchar(64) not null default 'UTC';
alter table alert add column max_notices_per_day integer check (max_notices_per_day > 0);
-- Deliveries on the alert's current local day, for the cap; written by the notifier.
alter table alert add column notices_day         date;
alter table alert add column notices_today       integer not null default 0;
alter table alert add constraint alert_quiet_hours
    check ((quiet_start is null) = (quiet_end is null));

-- What the rules remember per listing: told under the target price (until it rises above it
-- again), and told as an auction ending soon (once per auction). Listings with neither have no row.
create table notice_rule_state (
    alert_id         uuid         not null references alert (id) on delete cascade,
    item_id          varchar(100) not null,
    below_target     boolean      not null,
    ending_soon_told boolean      not null,
    updated_at       timestamp with time zone not null,
    primary key (alert_id, item_id)
);

-- Listings held back by quiet hours or the daily cap, folded into the alert's next delivery.
create table notice_held (
    alert_id uuid         not null references alert (id) on delete cascade,
    item_id  varchar(100) not null,
    listing  jsonb        not null,
    held_at  timestamp with time zone not null,
    primary key (alert_id, item_id)
);
