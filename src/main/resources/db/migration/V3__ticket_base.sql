-- Tickets: one per customer problem, whatever the channel, with an append-only timeline.
create sequence complaint_type_seq start with 1000 increment by 50;
create sequence custom_field_seq start with 1 increment by 50;
create sequence ticket_seq start with 1 increment by 50;
create sequence timeline_entry_seq start with 1 increment by 50;
create sequence ticket_link_seq start with 1 increment by 50;
-- ticket numbers (2026-000123) are dense: one value per ticket, independent of ids
create sequence ticket_number_seq start with 1 increment by 1;

create table complaint_type (
    id          bigint primary key,
    code        varchar(40)  not null,
    name_zh_cn  varchar(100) not null,
    name_zh_tw  varchar(100) not null,
    name_en     varchar(100) not null,
    builtin     boolean not null default false,
    active      boolean not null default true,
    position    integer not null default 0,
    created_at  timestamp with time zone not null,
    constraint uk_complaint_type_code unique (code)
);
insert into complaint_type (id, code, name_zh_cn, name_zh_tw, name_en, builtin, active, position, created_at) values
    (1, 'SERVICE_ERROR', '服务失误', '服務失誤', 'Service error', true, true, 10, current_timestamp),
    (2, 'PRODUCT_DEFECT', '产品缺陷', '產品缺陷', 'Product defect', true, true, 20, current_timestamp),
    (3, 'CUSTOMER_MISUNDERSTANDING', '客户误解', '客戶誤解', 'Customer misunderstanding', true, true, 30, current_timestamp);

-- field_type: TEXT, NUMBER, DATE, SELECT, MULTI_SELECT; options is a JSON array of strings
create table custom_field (
    id          bigint primary key,
    field_key   varchar(60)  not null,
    label       varchar(200) not null,
    field_type  varchar(20)  not null,
    options     varchar(10000),
    required    boolean not null default false,
    active      boolean not null default true,
    position    integer not null default 0,
    created_at  timestamp with time zone not null,
    constraint uk_custom_field_key unique (field_key)
);

create table ticket (
    id                 bigint primary key,
    number             varchar(20)  not null,
    subject            varchar(500) not null,
    channel            varchar(20)  not null,
    customer_id        bigint not null references customer (id),
    status             varchar(30)  not null,
    priority           varchar(2)   not null,
    confirmed_problem  varchar(1000),
    demand             varchar(4000),
    demand_deadline    timestamp with time zone,
    complaint_type     varchar(40),
    product_ref        varchar(200),
    order_ref          varchar(200),
    custom_fields      varchar(100000),
    assignee_id        bigint references agent (id),
    team_id            bigint references team (id),
    department_id      bigint not null references department (id),
    merged_into_id     bigint references ticket (id),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    first_response_at  timestamp with time zone,
    resolved_at        timestamp with time zone,
    closed_at          timestamp with time zone,
    version            bigint not null default 0,
    constraint uk_ticket_number unique (number)
);
-- one index per list order and filter; lists page by (sort column, id)
create index ix_ticket_updated on ticket (updated_at, id);
create index ix_ticket_created on ticket (created_at, id);
create index ix_ticket_department_updated on ticket (department_id, updated_at, id);
create index ix_ticket_team_updated on ticket (team_id, updated_at, id);
create index ix_ticket_assignee_updated on ticket (assignee_id, updated_at, id);
create index ix_ticket_status_updated on ticket (status, updated_at, id);
create index ix_ticket_priority_updated on ticket (priority, updated_at, id);
create index ix_ticket_channel_updated on ticket (channel, updated_at, id);
create index ix_ticket_customer_created on ticket (customer_id, created_at, id);
create index ix_ticket_merged_into on ticket (merged_into_id);

create table ticket_tag (
    ticket_id  bigint not null references ticket (id),
    tag        varchar(60) not null,
    primary key (ticket_id, tag)
);
create index ix_ticket_tag_tag on ticket_tag (tag, ticket_id);

-- The catalogue of tag names in use, so listing tags never scans ticket_tag.
create table tag (
    name        varchar(60) primary key,
    created_at  timestamp with time zone not null
);

-- kind: CUSTOMER_MESSAGE, REPLY, NOTE, EVENT. Rows are never updated or deleted.
create table timeline_entry (
    id           bigint primary key,
    ticket_id    bigint not null references ticket (id),
    kind         varchar(20) not null,
    author_type  varchar(20) not null,
    author_id    bigint,
    author_name  varchar(200),
    channel      varchar(20),
    body         varchar(1000000),
    event_type   varchar(40),
    event_data   varchar(4000),
    created_at   timestamp with time zone not null
);
create index ix_timeline_ticket on timeline_entry (ticket_id, id);

-- kind: RELATED (undirected) or PARENT_CHILD (source is the parent)
create table ticket_link (
    id             bigint primary key,
    source_id      bigint not null references ticket (id),
    target_id      bigint not null references ticket (id),
    kind           varchar(20) not null,
    created_at     timestamp with time zone not null,
    created_by_id  bigint,
    constraint uk_ticket_link unique (source_id, target_id, kind)
);
create index ix_ticket_link_target on ticket_link (target_id);
