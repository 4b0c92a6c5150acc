-- Sessions their owner can see and end: a signed session token is accepted only while its row is
-- there, unrevoked and unexpired. Only a SHA-256 of the token is stored. Tokens issued before this
-- have no row: everyone signs in again once.
create table session (
    id         uuid primary key,
    token_hash varchar(64)  not null unique,
    email      varchar(254) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    user_agent varchar(200)
);
create index session_email_idx on session (email);
