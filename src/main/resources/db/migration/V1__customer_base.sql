-- Customers: one person or company the desk serves, with every way they reach us.
create sequence customer_tier_seq start with 1000 increment by 50;
create sequence organisation_seq start with 1 increment by 50;
create sequence customer_seq start with 1 increment by 50;
create sequence customer_contact_seq start with 1 increment by 50;

create table customer_tier (
    id          bigint primary key,
    code        varchar(40)  not null,
    name        varchar(100) not null,
    tier_rank   integer      not null,
    created_at  timestamp with time zone not null,
    constraint uk_customer_tier_code unique (code)
);

insert into customer_tier (id, code, name, tier_rank, created_at) values
    (1, 'VIP', 'VIP', 100, current_timestamp),
    (2, 'REGULAR', '普通客户', 10, current_timestamp);

create table organisation (
    id          bigint primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null,
    constraint uk_organisation_name unique (name)
);

create table customer (
    id                 bigint primary key,
    name               varchar(200) not null,
    organisation_id    bigint references organisation (id),
    tier_id            bigint not null references customer_tier (id),
    preferred_language varchar(10),
    lifetime_value     numeric(14, 2) not null default 0,
    notes              varchar(10000),
    merged_into_id     bigint references customer (id),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint not null default 0
);
create index ix_customer_name on customer (name, id);
create index ix_customer_created on customer (created_at, id);
create index ix_customer_organisation on customer (organisation_id);
create index ix_customer_merged_into on customer (merged_into_id);

-- Emails are stored lower-cased; one address belongs to one customer.
create table customer_email (
    id           bigint primary key,
    customer_id  bigint not null references customer (id),
    email        varchar(320) not null,
    verified     boolean not null default false,
    created_at   timestamp with time zone not null,
    constraint uk_customer_email unique (email)
);
create index ix_customer_email_customer on customer_email (customer_id);

-- Phones keep what was typed and a digits-only form for matching a caller.
create table customer_phone (
    id            bigint primary key,
    customer_id   bigint not null references customer (id),
    phone         varchar(40) not null,
    phone_digits  varchar(40) not null,
    verified      boolean not null default false,
    created_at    timestamp with time zone not null
);
create index ix_customer_phone_customer on customer_phone (customer_id);
create index ix_customer_phone_digits on customer_phone (phone_digits);

-- An identity on another channel: a chat visitor id, a WeChat or Weibo account, ...
create table customer_identity (
    id            bigint primary key,
    customer_id   bigint not null references customer (id),
    channel       varchar(20) not null,
    external_id   varchar(200) not null,
    display_name  varchar(200),
    created_at    timestamp with time zone not null,
    constraint uk_customer_identity unique (channel, external_id)
);
create index ix_customer_identity_customer on customer_identity (customer_id);

create table customer_tag (
    customer_id  bigint not null references customer (id),
    tag          varchar(60) not null,
    primary key (customer_id, tag)
);
create index ix_customer_tag_tag on customer_tag (tag, customer_id);
