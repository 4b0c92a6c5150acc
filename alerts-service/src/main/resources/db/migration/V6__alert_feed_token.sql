-- The secret part of each alert's Atom feed URL (/feeds/{token}.atom). A random value stored on the
-- row rather than an HMAC of the alert id, so one alert's feed URL can be replaced (POST
-- /api/alerts/{id}/feed-token) without changing a secret that every other URL depends on.
--
-- The database makes it: gen_random_uuid() draws from the server's strong random source, and two
-- of them give 244 random bits as 64 hex characters. The default is volatile, so adding the column
-- fills every existing row with its own value, and new alerts get one without the application
-- naming the column. Rotation writes a 192-bit base64url token made by the application.
alter table alert add column feed_token varchar(64) not null
    default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

create unique index alert_feed_token_idx on alert (feed_token);

-- A feed reads one alert's emails, newest first, on every poll.
create index alert_email_alert_created_idx on alert_email (alert_id, created_at desc);
