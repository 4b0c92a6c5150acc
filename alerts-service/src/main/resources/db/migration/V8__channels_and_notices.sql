-- Where each alert's notices go. target is the webhook URL or Telegram chat id ('' for EMAIL);
-- secret signs a WEBHOOK channel's requests. A channel whose deliveries keep failing is disabled
-- with a reason its owner sees.
create table alert_channel (
    id                   uuid primary key,
    alert_id             uuid         not null references alert (id) on delete cascade,
    type                 varchar(16)  not null,
    target               varchar(500) not null,
    secret               varchar(100),
    enabled              boolean      not null,
    consecutive_failures integer      not null default 0,
    disabled_reason      varchar(500),
    created_at           timestamp with time zone not null,
    last_sent_at         timestamp with time zone,
    unique (alert_id, type, target)
);

-- Every existing alert keeps emailing.
insert into alert_channel (id, alert_id, type, target, enabled, created_at)
select gen_random_uuid(), id, 'EMAIL', '', true, now() from alert;

-- The notice outbox: one message to one channel, stored in the transaction that decided it and
-- sent with per-channel retries, so a channel that is down loses nothing. (EMAIL channels use the
-- alert_email queue, which already is such an outbox.)
create table notice (
    id              uuid primary key,
    alert_id        uuid          not null references alert (id) on delete cascade,
    channel_id      uuid          not null references alert_channel (id) on delete cascade,
    payload         jsonb         not null,
    status          varchar(10)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    dedupe_key      varchar(200)  not null unique,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);

create index notice_due_idx on notice (next_attempt_at) where status = 'PENDING';
create index notice_channel_idx on notice (channel_id) where status = 'PENDING';
