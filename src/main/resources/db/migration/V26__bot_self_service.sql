-- Self-service bot (智能客服): its settings, the rule per chat channel, every conversation the bot had
-- (a chat, a portal or API session), each turn (question → answer or hand-off) and the daily counters
-- and "no good article" list the reports read (aggregated per day, so a report never scans the turns).
create sequence bot_session_seq start with 1 increment by 50;
create sequence bot_turn_seq start with 1 increment by 50;
create sequence bot_handoff_seq start with 1 increment by 50;

-- one row (id 1): the desk-wide settings; an LLM endpoint stored here overrides kefu.bot.llm.* (its key sealed by SecretBox)
create table bot_setting (
    id                    bigint primary key,
    confidence_threshold  double precision not null,
    greeting_zh_cn        varchar(1000),
    greeting_zh_tw        varchar(1000),
    greeting_en           varchar(1000),
    handoff_keywords      varchar(4000),
    llm_enabled           boolean not null default false,
    llm_base_url          varchar(500),
    llm_api_key           varchar(2000),
    llm_model             varchar(100),
    llm_timeout_ms        integer,
    updated_at            timestamp with time zone not null
);
insert into bot_setting (id, confidence_threshold, greeting_zh_cn, greeting_zh_tw, greeting_en, handoff_keywords, llm_enabled, updated_at)
values (1, 0.5, '您好，我是智能客服，请问有什么可以帮您？', '您好，我是智慧客服，請問有什麼可以幫您？',
        'Hello, I am the virtual assistant. How can I help you?', null, false, current_timestamp);

-- whether the bot answers a chat channel first, and whether VIP customers skip it there
create table bot_chat_channel (
    channel_id  bigint primary key,
    enabled     boolean not null,
    vip_skips   boolean not null default true,
    updated_at  timestamp with time zone not null
);

-- source: CHAT, PORTAL, API
create table bot_session (
    id                    bigint primary key,
    source                varchar(10) not null,
    chat_conversation_id  bigint,
    customer_id           bigint,
    ticket_id             bigint,
    language              varchar(10) not null,
    not_helped_streak     integer not null default 0,
    handed_off_at         timestamp with time zone,
    created_at            timestamp with time zone not null,
    constraint uk_bot_session_chat unique (chat_conversation_id),
    constraint ck_bot_session_source check (source in ('CHAT', 'PORTAL', 'API'))
);

-- outcome: ANSWERED (passages shown, feedback asked), HANDED_OFF (given to a person), SAID (a greeting, thanks)
create table bot_turn (
    id             bigint primary key,
    session_id     bigint not null references bot_session (id),
    entry_id       bigint,
    question       varchar(2000),
    normalised     varchar(200),
    answer         varchar(8000) not null,
    article_id     bigint,
    article_title  varchar(500),
    article_path   varchar(1000),
    confidence     double precision,
    phrased        boolean not null default false,
    outcome        varchar(12) not null,
    helped         boolean,
    created_at     timestamp with time zone not null,
    constraint ck_bot_turn_outcome check (outcome in ('ANSWERED', 'HANDED_OFF', 'SAID'))
);
-- a session's turns in order (the widget, repeat detection)
create index ix_bot_turn_session on bot_turn (session_id, id);

create table bot_handoff (
    id          bigint primary key,
    session_id  bigint not null references bot_session (id),
    reason      varchar(30) not null,
    question    varchar(2000),
    ticket_id   bigint,
    created_at  timestamp with time zone not null
);
-- the report's list of hand-offs, newest first, optionally of one reason (keyset on created_at, id)
create index ix_bot_handoff_created on bot_handoff (created_at, id);
create index ix_bot_handoff_reason on bot_handoff (reason, created_at, id);
create index ix_bot_handoff_session on bot_handoff (session_id);

-- daily counters: ASKED, ANSWERED, HELPED, NOT_HELPED, NO_GOOD_ARTICLE, HANDOFF_<reason>
create table bot_daily (
    stat_day  date not null,
    measure  varchar(40) not null,
    total    bigint not null,
    constraint pk_bot_daily primary key (stat_day, measure)
);

-- questions without a good article, normalised, counted per day: the knowledge team's to-write list
create table bot_gap_daily (
    stat_day    date not null,
    normalised  varchar(200) not null,
    sample      varchar(500) not null,
    total       bigint not null,
    constraint pk_bot_gap_daily primary key (stat_day, normalised)
);
