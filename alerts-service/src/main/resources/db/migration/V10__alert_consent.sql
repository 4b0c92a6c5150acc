-- Consent per alert: an alert created without a session waits (pending) until the address's owner
-- starts it from the email that shows it. Existing alerts were started already.
alter table alert add column pending boolean not null default false;
