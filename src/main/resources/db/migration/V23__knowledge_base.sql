-- Knowledge base (知识库): categories (one level of nesting), articles (one topic) with a variant per
-- language (zh-CN, zh-TW, en), every saved variant kept as a version, and the counters of how the
-- articles are used (views, ratings, use on tickets, deflected tickets).
create sequence kb_category_seq start with 1000 increment by 50;
create table kb_category (
    id          bigint primary key,
    parent_id   bigint references kb_category (id),
    name_zh_cn  varchar(200) not null,
    name_zh_tw  varchar(200) not null,
    name_en     varchar(200) not null,
    position    integer not null,
    created_at  timestamp with time zone not null
);
create index ix_kb_category_parent on kb_category (parent_id, position, id);

create sequence kb_article_seq start with 1000 increment by 50;
create table kb_article (
    id                bigint primary key,
    category_id       bigint references kb_category (id),
    state             varchar(20) not null,
    internal          boolean not null,
    default_language  varchar(10) not null,
    created_by_id     bigint not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    published_at      timestamp with time zone,
    version           bigint not null,
    constraint ck_kb_article_state check (state in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    constraint ck_kb_article_language check (default_language in ('zh-CN', 'zh-TW', 'en'))
);
-- the agents' list: newest change first, optionally by state or category
create index ix_kb_article_updated on kb_article (updated_at, id);
create index ix_kb_article_state_updated on kb_article (state, updated_at, id);
create index ix_kb_article_category_updated on kb_article (category_id, updated_at, id);

create table kb_article_tag (
    article_id  bigint not null references kb_article (id),
    tag         varchar(100) not null,
    primary key (article_id, tag)
);
create index ix_kb_article_tag_tag on kb_article_tag (tag, article_id);

create sequence kb_variant_seq start with 1000 increment by 50;
create table kb_variant (
    id          bigint primary key,
    article_id  bigint not null references kb_article (id),
    language    varchar(10) not null,
    title       varchar(300) not null,
    slug        varchar(120) not null,
    body        varchar(200000) not null,
    questions   varchar(4000) not null,
    version_no  integer not null,
    updated_at  timestamp with time zone not null,
    updated_by_id bigint not null,
    constraint uq_kb_variant_language unique (article_id, language),
    constraint ck_kb_variant_language check (language in ('zh-CN', 'zh-TW', 'en'))
);

-- append-only: every save of a variant
create sequence kb_version_seq start with 1000 increment by 50;
create table kb_version (
    id            bigint primary key,
    variant_id    bigint not null references kb_variant (id),
    version_no    integer not null,
    title         varchar(300) not null,
    slug          varchar(120) not null,
    body          varchar(200000) not null,
    questions     varchar(4000) not null,
    author_id     bigint not null,
    author_name   varchar(200) not null,
    note          varchar(200),
    created_at    timestamp with time zone not null,
    constraint uq_kb_version_no unique (variant_id, version_no)
);

-- one row per article, counters only (kept apart so counting never touches the indexed rows)
create table kb_article_stats (
    article_id     bigint primary key references kb_article (id),
    views          bigint not null,
    helpful        bigint not null,
    not_helpful    bigint not null,
    used_resolved  bigint not null,
    deflections    bigint not null
);

-- an agent put the article into a reply on a ticket ("LINK" or "TEXT")
create sequence kb_usage_seq start with 1 increment by 50;
create table kb_usage (
    id          bigint primary key,
    ticket_id   bigint not null,
    article_id  bigint not null references kb_article (id),
    how         varchar(10) not null,
    agent_id    bigint not null,
    created_at  timestamp with time zone not null,
    constraint ck_kb_usage_how check (how in ('LINK', 'TEXT'))
);
create index ix_kb_usage_ticket on kb_usage (ticket_id, article_id);
create index ix_kb_usage_article on kb_usage (article_id, created_at);

-- an article counted as having helped a resolved ticket: once per ticket and article
create table kb_ticket_helped (
    ticket_id   bigint not null,
    article_id  bigint not null references kb_article (id),
    created_at  timestamp with time zone not null,
    primary key (ticket_id, article_id)
);
create index ix_kb_ticket_helped_article on kb_ticket_helped (article_id, created_at);

-- "was this helpful?" in the help centre: one vote per article and visitor session
create table kb_rating (
    article_id  bigint not null references kb_article (id),
    voter       varchar(64) not null,
    helpful     boolean not null,
    created_at  timestamp with time zone not null,
    primary key (article_id, voter)
);

-- verdicts from elsewhere (the bot, the portal) through KnowledgePassages.recordFeedback
create sequence kb_feedback_seq start with 1 increment by 50;
create table kb_feedback (
    id          bigint primary key,
    article_id  bigint not null references kb_article (id),
    helped      boolean not null,
    source      varchar(30) not null,
    created_at  timestamp with time zone not null
);
create index ix_kb_feedback_article on kb_feedback (article_id, created_at);

-- a customer on the portal's new-ticket page said an article solved the problem and left
create sequence kb_deflection_seq start with 1 increment by 50;
create table kb_deflection (
    id          bigint primary key,
    article_id  bigint not null references kb_article (id),
    created_at  timestamp with time zone not null
);
create index ix_kb_deflection_article on kb_deflection (article_id, created_at);
create index ix_kb_deflection_created on kb_deflection (created_at, id);
