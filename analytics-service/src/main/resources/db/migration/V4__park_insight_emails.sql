-- An insight email that failed analytics.digest.max-attempts times is no longer given up (FAILED):
-- it is parked, retried every analytics.digest.parked-retry until it goes out, as alerts-service
-- does with its deliveries. FAILED stays allowed for the rows given up before this version; they
-- are done with and deleted with the sent and cancelled ones.
alter table insight_email drop constraint insight_email_status_check;
alter table insight_email add constraint insight_email_status_check
    check (status in ('PENDING', 'PARKED', 'SENT', 'FAILED', 'CANCELLED'));

-- Parked digests are due like pending ones, only less often.
drop index insight_email_due_idx;
create index insight_email_due_idx on insight_email (next_attempt_at)
    where status in ('PENDING', 'PARKED');

-- Still at most one unsent digest per recipient: a parked one holds newer figures back as a
-- pending one does, so nobody gets a pile of digests when their mail works again.
drop index insight_email_one_pending_idx;
create unique index insight_email_one_unsent_idx on insight_email (recipient)
    where status in ('PENDING', 'PARKED');
