-- Double opt-in: an address gets alert emails only once its owner confirmed it (by the link in the
-- confirmation email, or by signing in with a link sent to it).
create table subscriber (
    email                varchar(254) primary key,
    created_at           timestamp with time zone not null,
    confirmed_at         timestamp with time zone,
    confirmation_sent_at timestamp with time zone
);

-- Addresses that already received alert emails before double opt-in existed keep receiving them.
insert into subscriber (email, created_at, confirmed_at)
select distinct email, now(), now() from alert
on conflict do nothing;

-- Sign-in links: only a hash of the token is stored; a link works once and briefly.
create table sign_in_token (
    token_hash varchar(64) primary key,
    email      varchar(254) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

create index sign_in_token_expires_idx on sign_in_token (expires_at);
create index alert_owner_idx on alert (email);
