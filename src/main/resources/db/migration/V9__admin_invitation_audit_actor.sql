-- One-time links with which an invited agent sets a first password. Only the SHA-256 hash of
-- the link's token is kept; a link works once and for 24 hours.
create sequence agent_invitation_seq start with 1 increment by 50;

create table agent_invitation (
    id             bigint primary key,
    agent_id       bigint not null references agent (id),
    token_hash     varchar(64) not null,
    created_at     timestamp with time zone not null,
    created_by_id  bigint references agent (id),
    expires_at     timestamp with time zone not null,
    used_at        timestamp with time zone,
    constraint uk_agent_invitation_hash unique (token_hash)
);
create index ix_agent_invitation_agent on agent_invitation (agent_id);

-- The admin audit page filters by actor, newest first.
create index ix_audit_event_actor on audit_event (actor_id, occurred_at, id);
