-- alert_owner_idx (V5) repeats alert_email_idx (V1), both on alert (email): every run rewrites
-- an alert's row with a new next_run_at, an indexed column, so every index of the table gets a
-- new entry per run. One index on the owner's address is enough for every query that needs it.
drop index if exists alert_owner_idx;
