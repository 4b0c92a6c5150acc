-- Telegram chats an address linked by sending the bot a one-time code (/start CODE): only these may
-- be the TELEGRAM channels of its alerts, so nobody can make the operator's bot post into a chat
-- that is not theirs.
create table telegram_link_code (
    code       varchar(32)  primary key,
    email      varchar(254) not null,
    expires_at timestamp with time zone not null
);

create table telegram_chat (
    email     varchar(254) not null,
    chat_id   varchar(64)  not null,
    linked_at timestamp with time zone not null,
    primary key (email, chat_id)
);

-- The next update to read from the bot (getUpdates offset), one row shared by every instance.
create table telegram_updates (
    id          integer primary key check (id = 1),
    next_offset bigint  not null
);
insert into telegram_updates (id, next_offset) values (1, 0);

-- Chats that channels use already were chosen by their owners before linking existed: kept, so
-- existing alerts keep posting; every new chat is linked through the bot.
insert into telegram_chat (email, chat_id, linked_at)
select distinct a.email, c.target, now()
from alert_channel c join alert a on a.id = c.alert_id
where c.type = 'TELEGRAM'
on conflict do nothing;
