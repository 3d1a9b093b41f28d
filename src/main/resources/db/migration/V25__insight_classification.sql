-- Complaint type and topic classification (insight module, 问题分类). Complaint types live in the ticket module's
-- complaint_type; topics are listed here, admin-editable, deactivated rather than deleted.
create sequence classification_topic_seq start with 100;
create table classification_topic (
    id          bigint primary key,
    code        varchar(40)  not null,
    name_zh_cn  varchar(100) not null,
    name_zh_tw  varchar(100) not null,
    name_en     varchar(100) not null,
    active      boolean not null default true,
    position    integer not null default 0,
    created_at  timestamp with time zone not null,
    constraint uk_classification_topic_code unique (code)
);
insert into classification_topic (id, code, name_zh_cn, name_zh_tw, name_en, position, created_at) values
    (1, 'LOGISTICS', '物流配送', '物流配送', 'Logistics and delivery', 10, current_timestamp),
    (2, 'BILLING', '账单/支付', '帳單/付款', 'Billing and payment', 20, current_timestamp),
    (3, 'QUALITY', '质量', '品質', 'Product quality', 30, current_timestamp),
    (4, 'ACCOUNT', '账户', '帳戶', 'Account', 40, current_timestamp),
    (5, 'RETURNS', '退换货/退款', '退換貨/退款', 'Returns and refunds', 50, current_timestamp),
    (6, 'ATTITUDE', '服务态度', '服務態度', 'Service attitude', 60, current_timestamp),
    (7, 'TECHNICAL', '系统故障', '系統故障', 'System and technical faults', 70, current_timestamp),
    (8, 'WAITING', '等待时效', '等待時效', 'Waiting and response time', 80, current_timestamp);

-- Keyword rules: keywords one per line; a rule targets a complaint type, a topic or both.
create sequence classification_rule_seq;
create table classification_rule (
    id              bigint primary key,
    name            varchar(100) not null,
    keywords        varchar(4000) not null,
    complaint_type  varchar(40),
    topic           varchar(40),
    weight          double precision not null,
    negatable       boolean not null,
    active          boolean not null default true,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint ck_classification_rule_target check (complaint_type is not null or topic is not null)
);

-- One row: rules_version grows with every rule change so every node reloads its rules; defaults_loaded makes the
-- shipped default rules load once, on the first start of the first node.
create table classification_state (
    id               integer primary key,
    rules_version    bigint not null,
    defaults_loaded  boolean not null
);
insert into classification_state (id, rules_version, defaults_loaded) values (1, 0, false);

-- Trained models (naive Bayes vocabulary and counts, gzip), newest version wins; a few old versions are kept.
create table classification_model (
    version             bigint primary key,
    trained_at          timestamp with time zone not null,
    trigger_kind        varchar(20) not null,
    seed_examples       integer not null,
    confirmed_examples  integer not null,
    vocabulary_size     integer not null,
    content             bytea not null
);

-- The suggestion for each ticket and, once an agent confirmed or corrected it, the answer (training data).
create table ticket_classification (
    ticket_id         bigint primary key,
    suggested_type    varchar(40),
    type_confidence   double precision not null,
    suggested_topic   varchar(40),
    topic_confidence  double precision not null,
    model_version     bigint not null,
    rule_hits         varchar(2000) not null,
    suggested_at      timestamp with time zone not null,
    confirmed_type    varchar(40),
    confirmed_topic   varchar(40),
    confirmed_by      bigint,
    confirmed_at      timestamp with time zone,
    corrected         boolean not null default false,
    training_text     varchar(1500)
);
-- training reads the newest confirmations by keyset; retraining checks whether any came since the last model
create index ix_ticket_classification_confirmed on ticket_classification (confirmed_at, ticket_id);
