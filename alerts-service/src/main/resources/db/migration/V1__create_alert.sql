create table alert (
    id                uuid primary key,
    email             varchar(254)  not null,
    search_phrase     varchar(100)  not null,
    frequency_minutes integer       not null check (frequency_minutes > 0),
    min_price         numeric(11, 2) check (min_price >= 0),
    max_price         numeric(11, 2) check (max_price >= 0),
    currency          varchar(3)    not null,
    item_condition    varchar(16)   not null,
    buying_option     varchar(16)   not null,
    exclude_words     varchar(1100) not null default '',
    active            boolean       not null,
    version           bigint        not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint alert_price_range check (min_price is null or max_price is null or min_price <= max_price)
);

-- The list endpoint pages newest first with id as the tie-breaker.
create index alert_created_at_idx on alert (created_at desc, id);
create index alert_email_idx on alert (email);
