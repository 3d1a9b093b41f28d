-- Customer portal: a customer's own password (optional) and single-use sign-in links.
-- Only the SHA-256 hash of a link's secret is stored; the secret itself exists only in the mail.
create table portal_account (
    customer_id      bigint primary key references customer (id),
    password_hash    varchar(200),
    failed_attempts  integer not null default 0,
    locked_until     timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

create sequence portal_sign_in_token_seq start with 1 increment by 50;

create table portal_sign_in_token (
    id           bigint primary key,
    token_hash   varchar(64) not null,
    customer_id  bigint not null references customer (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone,
    constraint uk_portal_sign_in_token_hash unique (token_hash)
);
-- for a sweep of expired links, and for the links of one customer
create index ix_portal_sign_in_token_expires on portal_sign_in_token (expires_at);
create index ix_portal_sign_in_token_customer on portal_sign_in_token (customer_id, created_at);
