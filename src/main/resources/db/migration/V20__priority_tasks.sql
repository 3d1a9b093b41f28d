-- Priority (优先级): the admin's weights and thresholds (one row, id 1), and each ticket's score with
-- every factor's value and contribution, the quadrant, and a pin (an agent's override with its reason,
-- or a priority someone chose elsewhere) that keeps the automatic score from changing the priority.
create table priority_settings (
    id                 integer primary key,
    urgency_weight     integer not null,
    impact_weight      integer not null,
    value_weight       integer not null,
    complexity_weight  integer not null,
    p1_min             integer not null,
    p2_min             integer not null,
    p3_min             integer not null,
    updated_at         timestamp with time zone not null,
    updated_by_id      bigint,
    constraint ck_priority_settings_one check (id = 1)
);
insert into priority_settings (id, urgency_weight, impact_weight, value_weight, complexity_weight, p1_min, p2_min, p3_min,
                               updated_at, updated_by_id)
values (1, 45, 15, 30, 10, 70, 45, 15, current_timestamp, null);

create table ticket_priority_score (
    ticket_id                bigint primary key references ticket (id),
    urgency                  integer not null,
    impact                   integer not null,
    customer_value           integer not null,
    complexity               integer not null,
    urgency_points           numeric(6, 2) not null,
    impact_points            numeric(6, 2) not null,
    value_points             numeric(6, 2) not null,
    complexity_points        numeric(6, 2) not null,
    score                    integer not null,
    computed_priority        varchar(2) not null,
    quadrant                 varchar(30) not null,
    signals                  varchar(4000) not null,
    applied_priority         varchar(2),
    pin_origin               varchar(10),
    pin_priority             varchar(2),
    pin_reason               varchar(1000),
    pin_by_id                bigint,
    pin_by_name              varchar(200),
    pinned_at                timestamp with time zone,
    computed_at              timestamp with time zone not null,
    next_review_at           timestamp with time zone,
    version                  bigint not null default 0,
    constraint ck_priority_pin_origin check (pin_origin is null or pin_origin in ('OVERRIDE', 'MANUAL', 'OPENED'))
);
-- the review sweep: tickets whose demand deadline moves them into a more urgent band
create index ix_ticket_priority_review on ticket_priority_score (next_review_at, ticket_id);

-- Transfers (转接): who handed a ticket to whom and why; the newest is shown on the ticket.
create sequence ticket_transfer_seq start with 1 increment by 50;
create table ticket_transfer (
    id              bigint primary key,
    ticket_id       bigint not null references ticket (id),
    from_agent_id   bigint not null,
    from_name       varchar(200) not null,
    target_kind     varchar(12) not null,
    target_id       bigint not null,
    target_name     varchar(200) not null,
    reason          varchar(2000) not null,
    created_at      timestamp with time zone not null,
    constraint ck_ticket_transfer_kind check (target_kind in ('AGENT', 'TEAM', 'DEPARTMENT'))
);
create index ix_ticket_transfer_ticket on ticket_transfer (ticket_id, id);

-- Cross-department help (跨部门协作): a question from a ticket to a department, answered there.
create sequence ticket_task_seq start with 1 increment by 50;
create table ticket_task (
    id                 bigint primary key,
    ticket_id          bigint not null references ticket (id),
    ticket_number      varchar(40) not null,
    department_id      bigint not null,
    assignee_id        bigint,
    question           varchar(4000) not null,
    due_at             timestamp with time zone,
    state              varchar(10) not null,
    asked_by_id        bigint not null,
    asked_by_name      varchar(200) not null,
    asked_at           timestamp with time zone not null,
    answer             varchar(4000),
    answered_by_id     bigint,
    answered_by_name   varchar(200),
    answered_at        timestamp with time zone,
    closed_at          timestamp with time zone,
    version            bigint not null default 0,
    constraint ck_ticket_task_state check (state in ('OPEN', 'ANSWERED', 'CANCELLED'))
);
-- the department task list (keyset on id), a ticket's tasks, an assignee's tasks, and the due scan
create index ix_ticket_task_department on ticket_task (department_id, state, id);
create index ix_ticket_task_ticket on ticket_task (ticket_id, id);
create index ix_ticket_task_assignee on ticket_task (assignee_id, state, id);
create index ix_ticket_task_due on ticket_task (state, due_at, id);
