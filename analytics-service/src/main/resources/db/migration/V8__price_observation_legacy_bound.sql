-- Second step of the partitioning (V10): the rows stored so far become one partition covering
-- everything before a day boundary. Attaching a table as a partition scans all of it under a lock
-- to prove that every row fits the bounds, unless a validated CHECK constraint already proves it.
-- This adds that constraint NOT VALID (no scan; the lock is held for milliseconds, and from now on
-- every insert is checked); V9 validates it in its own transaction, under a lock that lets ingest
-- and insights go on.
--
-- The boundary is the start of the next UTC day at least 12 hours away: rows keep going into this
-- table until V10 has run, which is seconds to minutes later (V9 reads the whole table once), and
-- any row at or after the boundary would be refused until then. Until the boundary the old table
-- keeps receiving the new rows as the one partition for that time; V10 reads the boundary back from
-- this constraint, so the two always agree.
do $$
declare
    bound timestamptz :=
        (date_trunc('day', (now() at time zone 'UTC') + interval '12 hours') + interval '1 day')
            at time zone 'UTC';
begin
    execute format(
        'alter table price_observation add constraint price_observation_legacy_bound'
            || ' check (observed_at < %L) not valid',
        bound);
end
$$;
