create sequence audit_event_seq start with 1 increment by 50;
create sequence idempotency_key_seq start with 1 increment by 50;

-- Administrative and security events, append-only, for admins to query.
create table audit_event (
    id              bigint primary key,
    occurred_at     timestamp with time zone not null,
    actor_id        bigint,
    actor_label     varchar(320),
    action          varchar(60) not null,
    target_type     varchar(40),
    target_id       varchar(100),
    detail          varchar(4000),
    remote_address  varchar(100)
);
create index ix_audit_event_occurred on audit_event (occurred_at, id);
create index ix_audit_event_action on audit_event (action, occurred_at, id);

-- Remembers what an Idempotency-Key created, so a retried request returns the first result.
create table idempotency_key (
    id             bigint primary key,
    principal_id   bigint not null,
    idem_key       varchar(200) not null,
    request_hash   varchar(64)  not null,
    resource_type  varchar(40),
    resource_id    bigint,
    created_at     timestamp with time zone not null,
    constraint uk_idempotency_key unique (principal_id, idem_key)
);
create index ix_idempotency_created on idempotency_key (created_at);
