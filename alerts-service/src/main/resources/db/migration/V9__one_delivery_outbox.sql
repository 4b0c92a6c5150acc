-- One outbox of deliveries in which email is a channel like the others (replaces alert_email and
-- the per-channel notice table), and a record of what each run told that the Atom feed reads
-- whatever the alert's channels are.

-- The channel message outbox becomes the one delivery outbox.
alter table notice rename to delivery;
alter table delivery rename constraint notice_pkey to delivery_pkey;
drop index notice_due_idx;
drop index notice_channel_idx;
-- An auction's notice is useless once the auction ended: dropped (with a reason) after this.
alter table delivery add column expires_at timestamp with time zone;

-- PENDING and PARKED (failed too often: retried on a slow schedule) wait; SENT, CANCELLED (the
-- alert was paused or its address is not confirmed) and DROPPED (expired) are done.
create index delivery_due_idx on delivery (next_attempt_at) where status in ('PENDING', 'PARKED');
-- A channel's deliveries go out oldest first: the sender takes only a channel's oldest waiting one.
create index delivery_channel_idx on delivery (channel_id, created_at, id)
    where status in ('PENDING', 'PARKED');
-- Deleting an alert cascades to its deliveries.
create index delivery_alert_idx on delivery (alert_id);
create index delivery_done_idx on delivery (created_at) where status in ('SENT', 'CANCELLED', 'DROPPED');

-- What each run told (one row per run that told something), independent of channels.
create table notice (
    id         uuid primary key,
    alert_id   uuid not null references alert (id) on delete cascade,
    payload    jsonb not null,
    created_at timestamp with time zone not null
);
create index notice_alert_idx on notice (alert_id, created_at desc, id);

-- Channels are no longer disabled after failures (their deliveries are parked and retried
-- instead): channels disabled that way are enabled again, and what waited for them goes out.
update alert_channel set enabled = true where not enabled and disabled_reason is not null;
alter table alert_channel drop column disabled_reason;
-- The last delivery failure in words its owner may see ("HTTP 503", "refused: private address").
alter table alert_channel add column last_error varchar(200);

-- Alert emails become EMAIL deliveries. Their payload was the email (listings with a note each);
-- it becomes the payload every channel reads (listings, and notes by item id).
create function pg_temp.notice_payload(alert_id uuid, email jsonb) returns jsonb language sql as $$
    select jsonb_build_object(
        'alertId', alert_id,
        'searchPhrase', email -> 'searchPhrase',
        'first', email -> 'first',
        'listings', coalesce((select jsonb_agg(l - 'note' order by i)
                              from jsonb_array_elements(email -> 'listings') with ordinality x(l, i)),
                             '[]'::jsonb),
        'notes', coalesce((select jsonb_object_agg(l ->> 'itemId', l -> 'note')
                           from jsonb_array_elements(email -> 'listings') y(l)
                           where jsonb_typeof(l -> 'note') = 'string'),
                          '{}'::jsonb))
$$;

-- The feed keeps showing what the emails told.
insert into notice (id, alert_id, payload, created_at)
select id, alert_id, pg_temp.notice_payload(alert_id, payload), created_at
from alert_email where status <> 'CANCELLED';

-- Waiting emails keep waiting; emails given up in the last week are tried again (nothing is given
-- up for good any more).
insert into delivery (id, alert_id, channel_id, payload, status, attempts, next_attempt_at,
                      last_error, dedupe_key, created_at)
select e.id, e.alert_id, c.id, pg_temp.notice_payload(e.alert_id, e.payload),
       case e.status when 'PENDING' then 'PENDING' else 'PARKED' end,
       e.attempts,
       case e.status when 'PENDING' then e.next_attempt_at else now() end,
       e.last_error, 'email:' || e.id, e.created_at
from alert_email e
join alert_channel c on c.alert_id = e.alert_id and c.type = 'EMAIL'
where e.status = 'PENDING' or (e.status = 'FAILED' and e.created_at > now() - interval '7 days');

drop table alert_email;
