-- Live chat: the channels (one per website that embeds the widget), the visitors' conversations
-- (each one a ticket with channel CHAT, its timeline being the transcript) and the agents' chat load.
create sequence chat_channel_seq start with 1 increment by 50;
create sequence chat_conversation_seq start with 1 increment by 50;

create table chat_channel (
    id               bigint primary key,
    name             varchar(200) not null,
    public_key       varchar(64)  not null,
    allowed_origins  varchar(4000) not null default '',
    department_id    bigint not null,
    team_id          bigint,
    greeting         varchar(1000),
    offline_form     boolean not null default true,
    active           boolean not null default true,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint uk_chat_channel_key unique (public_key)
);

-- state: NEW (no message yet), WAITING (in the queue), ACTIVE (an agent has it), ENDED.
-- The visitor proves who they are with a random token; only its SHA-256 is kept.
create table chat_conversation (
    id                 bigint primary key,
    channel_id         bigint not null references chat_channel (id),
    visitor_id         varchar(64) not null,
    token_hash         varchar(64) not null,
    visitor_name       varchar(200),
    visitor_email      varchar(320),
    customer_id        bigint,
    ticket_id          bigint,
    state              varchar(10) not null,
    department_id      bigint not null,
    team_id            bigint,
    agent_id           bigint,
    offered_agent_id   bigint,
    started_at         timestamp with time zone not null,
    waiting_since      timestamp with time zone,
    accepted_at        timestamp with time zone,
    first_response_at  timestamp with time zone,
    solved_at          timestamp with time zone,
    ended_at           timestamp with time zone,
    version            bigint not null default 0,
    constraint uk_chat_conversation_token unique (token_hash),
    constraint ck_chat_conversation_state check (state in ('NEW', 'WAITING', 'ACTIVE', 'ENDED'))
);
-- the queue, oldest first, per department
create index ix_chat_conversation_queue on chat_conversation (state, department_id, waiting_since, id);
-- an agent's active chats (the console, the load check)
create index ix_chat_conversation_agent on chat_conversation (agent_id, state);
-- agent replies on a ticket find its conversation
create index ix_chat_conversation_ticket on chat_conversation (ticket_id);
-- recent accepted chats of a channel for the estimated wait
create index ix_chat_conversation_accepted on chat_conversation (channel_id, accepted_at);

-- How many chats each agent has open right now; raised only while below the agent's maximum
-- (one conditional update), so concurrent accepts can never push an agent over the limit.
create table chat_agent_load (
    agent_id  bigint primary key,
    active    integer not null default 0,
    constraint ck_chat_agent_load_active check (active >= 0)
);
