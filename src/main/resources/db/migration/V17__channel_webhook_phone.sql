-- Webhook channels (WeChat, Weibo, WhatsApp, app feedback gateways) and logged phone calls.
create sequence channel_seq start with 1 increment by 50;

-- One gateway posting messages to /api/v1/channels/webhook/{channel_key}. The shared secret is kept
-- encrypted (AES-GCM), never in clear; it is shown once when created or rotated.
create table webhook_channel (
    id             bigint primary key,
    name           varchar(100) not null,
    channel_key    varchar(64) not null,
    secret_cipher  varchar(400) not null,
    callback_url   varchar(2000),
    source         varchar(20) not null,
    department_id  bigint,
    team_id        bigint,
    active         boolean not null default true,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint uk_webhook_channel_key unique (channel_key)
);
create index ix_webhook_channel_name on webhook_channel (name, id);

-- Every message taken in: the unique key makes a redelivery (same external message id) a no-op,
-- also when two deliveries race. The latest row per (channel, user) finds the conversation's ticket.
create table webhook_message (
    id                   bigint primary key,
    channel_id           bigint not null references webhook_channel (id),
    external_message_id  varchar(200) not null,
    external_user_id     varchar(200) not null,
    ticket_id            bigint,
    ticket_number        varchar(40),
    entry_id             bigint,
    customer_id          bigint,
    new_ticket           boolean not null default false,
    received_at          timestamp with time zone not null,
    constraint uk_webhook_message unique (channel_id, external_message_id)
);
create index ix_webhook_message_thread on webhook_message (channel_id, external_user_id, received_at);
create index ix_webhook_message_ticket on webhook_message (ticket_id, received_at);

-- Agent replies to post to a channel's callback URL (an outbox; a db-scheduler task per row retries it).
create table webhook_delivery (
    id             bigint primary key,
    channel_id     bigint not null references webhook_channel (id),
    ticket_id      bigint not null,
    entry_id       bigint not null,
    payload        varchar(1000000) not null,
    status         varchar(20) not null,
    attempts       integer not null default 0,
    last_error     varchar(1000),
    created_at     timestamp with time zone not null,
    delivered_at   timestamp with time zone,
    constraint uk_webhook_delivery_entry unique (channel_id, entry_id)
);
create index ix_webhook_delivery_ticket on webhook_delivery (ticket_id, created_at);
create index ix_webhook_delivery_status on webhook_delivery (status, created_at);

-- Calls logged by agents or reported by a telephony system. external_call_id makes the latter idempotent.
create table phone_call (
    id                bigint primary key,
    ticket_id         bigint not null,
    customer_id       bigint,
    direction         varchar(10) not null,
    number            varchar(40) not null,
    number_digits     varchar(40) not null,
    other_number      varchar(40),
    started_at        timestamp with time zone not null,
    ended_at          timestamp with time zone,
    duration_seconds  integer,
    outcome           varchar(30) not null,
    notes             varchar(4000),
    recording_url     varchar(2000),
    agent_id          bigint,
    logged_by         varchar(200),
    external_call_id  varchar(200),
    created_at        timestamp with time zone not null,
    constraint uk_phone_call_external unique (external_call_id)
);
create index ix_phone_call_ticket on phone_call (ticket_id, started_at, id);
create index ix_phone_call_number on phone_call (number_digits, started_at);
