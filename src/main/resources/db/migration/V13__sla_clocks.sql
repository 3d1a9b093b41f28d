-- One SLA clock per ticket and measured target (FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION).
-- Self-contained: it keeps its calendar and target, so a policy edit does not move running clocks.
-- state: RUNNING, PAUSED, MET, STOPPED. next_due_at is when the sweep must look at the clock again
-- (warn_at until the warning is sent, then due_at until the breach is recorded; null when nothing is
-- pending); the sweep reads it through ix_sla_clock_next_due.
create sequence sla_clock_seq start with 1 increment by 50;
create sequence sla_breach_seq start with 1 increment by 50;

create table sla_clock (
    id                       bigint primary key,
    ticket_id                bigint not null,
    metric                   varchar(20) not null,
    policy_id                bigint references sla_policy (id) on delete set null,
    calendar_id              bigint not null references sla_calendar (id),
    target_seconds           bigint not null,
    warn_percent             integer not null,
    pause_on_internal        boolean not null,
    cycle                    integer not null,
    state                    varchar(10) not null,
    started_at               timestamp with time zone not null,
    due_at                   timestamp with time zone not null,
    warn_at                  timestamp with time zone not null,
    paused_at                timestamp with time zone,
    paused_business_seconds  bigint not null default 0,
    met_at                   timestamp with time zone,
    warned                   boolean not null default false,
    breached                 boolean not null default false,
    next_due_at              timestamp with time zone,
    version                  bigint not null default 0,
    updated_at               timestamp with time zone not null,
    constraint uk_sla_clock_ticket_metric unique (ticket_id, metric),
    constraint ck_sla_clock_state check (state in ('RUNNING', 'PAUSED', 'MET', 'STOPPED'))
);
create index ix_sla_clock_next_due on sla_clock (next_due_at, id);
-- for "sort by due" lists of running clocks
create index ix_sla_clock_due on sla_clock (state, due_at, id);
-- foreign keys: deleting a policy (set null) or checking a calendar's use must not scan all clocks
create index ix_sla_clock_policy on sla_clock (policy_id);
create index ix_sla_clock_calendar on sla_clock (calendar_id);

-- Every missed target, for reports: due when, noticed when, and by how much it was missed
-- (business and wall-clock seconds; updated to the final figure when the target is met late).
create table sla_breach (
    id                       bigint primary key,
    clock_id                 bigint not null references sla_clock (id) on delete cascade,
    ticket_id                bigint not null,
    metric                   varchar(20) not null,
    policy_id                bigint references sla_policy (id) on delete set null,
    cycle                    integer not null,
    due_at                   timestamp with time zone not null,
    detected_at              timestamp with time zone not null,
    met_at                   timestamp with time zone,
    overdue_business_seconds bigint not null,
    overdue_seconds          bigint not null,
    constraint uk_sla_breach_clock_cycle unique (clock_id, cycle)
);
create index ix_sla_breach_ticket on sla_breach (ticket_id, id);
create index ix_sla_breach_due on sla_breach (due_at, id);
create index ix_sla_breach_policy on sla_breach (policy_id);
