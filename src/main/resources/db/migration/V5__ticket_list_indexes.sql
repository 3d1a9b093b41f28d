-- Ticket lists filtered by department (or assignee) and status, newest first: the most common
-- agent views. With only (department_id, updated_at, id) or (status, updated_at, id) the planner
-- must walk one index and filter out every row of the other criterion (see docs/performance.md).
create index ix_ticket_department_status_updated on ticket (department_id, status, updated_at, id);
create index ix_ticket_assignee_status_updated on ticket (assignee_id, status, updated_at, id);

-- Hibernate Search outbox-polling coordination (docs/adr/0007-durable-asynchronous-search-indexing.md):
-- entity changes are written here in the same transaction as the change itself, and a background
-- event processor indexes them. The agent table registers event processors (one per app node).
-- Column types follow what Hibernate Search 8.2 maps; ${blob} is bytea on PostgreSQL, a BLOB on H2
-- (org.kefu.platform.storage.MigrationPlaceholders).
create table hsearch_outbox_event (
    id              uuid not null primary key,
    entity_name     varchar(256) not null,
    entity_id       varchar(256) not null,
    entity_id_hash  integer not null,
    payload         ${blob} not null,
    retries         integer not null,
    process_after   timestamp(6) with time zone not null,
    status          varchar(255) not null,
    tenant_id       varchar(255)
);
create index ix_hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                    uuid not null primary key,
    type                  varchar(255) not null,
    name                  varchar(255) not null,
    expiration            timestamp(6) with time zone not null,
    state                 varchar(255) not null,
    total_shard_count     integer,
    assigned_shard_index  integer,
    payload               ${blob},
    tenant_id             varchar(255)
);
