-- Scheduling: each alert's run state lives on its row; the scheduler writes it with plain SQL and
-- never bumps the alert's version (a run must not make a person's edit stale).
alter table alert add column min_drop_percent numeric(5, 2) not null default 5
    check (min_drop_percent >= 0 and min_drop_percent <= 100);
-- Hash of the normalised search (phrase, filters, marketplace): alerts sharing it share one fetch.
alter table alert add column search_key     varchar(64) not null default '';
alter table alert add column next_run_at    timestamp with time zone;
alter table alert add column lease_until    timestamp with time zone;
alter table alert add column last_run_at    timestamp with time zone;
alter table alert add column last_email_at  timestamp with time zone;
alter table alert add column last_error     varchar(500);
alter table alert add column last_warning   varchar(500);

create index alert_due_idx on alert (next_run_at) where active;
create index alert_search_key_idx on alert (search_key) where active;

-- The freshest result of each distinct search, reused by alerts whose period is longer than the
-- shortest period of the alerts sharing the search.
create table search_result (
    search_key varchar(64) primary key,
    fetched_at timestamp with time zone not null,
    listings   jsonb not null,
    warnings   varchar(1000)
);

-- What each alert has already told its owner about: the base of "only news".
create table alert_listing (
    alert_id         uuid          not null references alert (id) on delete cascade,
    item_id          varchar(100)  not null,
    seller           varchar(100),
    normalized_title varchar(300)  not null,
    sent_price       numeric(12, 2) not null,
    currency         varchar(3)    not null,
    first_seen_at    timestamp with time zone not null,
    last_sent_at     timestamp with time zone not null,
    primary key (alert_id, item_id)
);

-- A relisted item has a new id but the same seller and title.
create index alert_listing_relist_idx on alert_listing (alert_id, seller, normalized_title);

-- Emails to send, stored in the transaction that decided them and sent by a separate step with
-- retries, so an SMTP failure loses nothing and a crash never decides the same news twice.
create table alert_email (
    id              uuid primary key,
    alert_id        uuid         not null references alert (id) on delete cascade,
    recipient       varchar(254) not null,
    payload         jsonb        not null,
    status          varchar(10)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);

create index alert_email_due_idx on alert_email (next_attempt_at) where status = 'PENDING';
