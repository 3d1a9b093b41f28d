-- Escalation rules, their once-only firing log, in-app notifications and follow-up reminders (issue 5).
create sequence notification_seq start with 1 increment by 1;
create sequence escalation_rule_seq start with 1 increment by 1;
create sequence escalation_log_seq start with 1 increment by 1;
create sequence reminder_seq start with 1 increment by 1;

-- In-app notifications; the text is a message key of the escalation bundle with its arguments
-- (a JSON array of strings), rendered in the reader's language.
create table notification (
    id            bigint primary key,
    recipient_id  bigint not null references agent (id),
    kind          varchar(40) not null,
    ticket_id     bigint references ticket (id),
    message_key   varchar(120) not null,
    args          varchar(4000) not null,
    created_at    timestamp with time zone not null,
    read_at       timestamp with time zone
);
-- the bell's list (newest first, keyset by id) and its unread count
create index ix_notification_recipient on notification (recipient_id, id);
create index ix_notification_recipient_unread on notification (recipient_id, read_at, id);

-- trigger_type: SLA_WARNING, SLA_BREACHED, UNASSIGNED, VIP_SECOND_CONTACT.
-- threshold: minutes unassigned (UNASSIGNED) or days between contacts (VIP_SECOND_CONTACT).
-- min_priority: UNASSIGNED fires for tickets of this priority or more urgent (P1 = most urgent).
-- raise_priority: ONE_STEP or a level P1..P4; reassign_team_id / reassign_supervisor move the ticket.
-- swept_until: the UNASSIGNED sweep's watermark (tickets created up to it were checked).
create table escalation_rule (
    id                   bigint primary key,
    name                 varchar(200) not null,
    active               boolean not null default true,
    trigger_type         varchar(30) not null,
    threshold            integer,
    min_priority         varchar(2),
    cond_priority        varchar(2),
    cond_channel         varchar(20),
    cond_department_id   bigint references department (id),
    cond_team_id         bigint references team (id),
    cond_tier            varchar(40),
    notify_assignee      boolean not null default false,
    notify_team          boolean not null default false,
    notify_supervisors   boolean not null default false,
    notify_agent_id      bigint references agent (id),
    notify_email         boolean not null default true,
    raise_priority       varchar(10),
    reassign_team_id     bigint references team (id),
    reassign_supervisor  boolean not null default false,
    add_tag              varchar(60),
    swept_until          timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint not null default 0
);
create index ix_escalation_rule_trigger on escalation_rule (trigger_type, active);

-- One row per firing. The unique key makes a rule fire once per ticket and trigger occurrence
-- (e.g. "SLA_WARNING:FIRST_RESPONSE:2026-12-02T10:00:00Z"), also when two app nodes see the same event.
create table escalation_log (
    id          bigint primary key,
    rule_id     bigint not null references escalation_rule (id) on delete cascade,
    ticket_id   bigint not null references ticket (id),
    trigger_type varchar(30) not null,
    occurrence  varchar(200) not null,
    fired_at    timestamp with time zone not null,
    constraint uk_escalation_log_once unique (rule_id, ticket_id, occurrence)
);
create index ix_escalation_log_ticket on escalation_log (ticket_id, id);

-- "P1 unassigned for N minutes": the sweep reads (priority, assignee_id is null, created_at in a window).
create index ix_ticket_priority_assignee_created on ticket (priority, assignee_id, created_at, id);
-- demand deadlines (诉求时效) coming up are read by the range scan on ix_ticket_demand_deadline
-- (demand_deadline, id), which V8 already created for the workspace's deadline sort.

-- Follow-up reminders an agent sets on a ticket. pending_at is the due time while the reminder
-- has not been sent yet and null afterwards, so the due scan only ever sees unsent reminders.
create table reminder (
    id           bigint primary key,
    ticket_id    bigint not null references ticket (id),
    agent_id     bigint not null references agent (id),
    due_at       timestamp with time zone not null,
    note         varchar(1000),
    created_at   timestamp with time zone not null,
    pending_at   timestamp with time zone,
    notified_at  timestamp with time zone,
    done_at      timestamp with time zone
);
create index ix_reminder_pending on reminder (pending_at, id);
create index ix_reminder_agent_due on reminder (agent_id, due_at, id);
create index ix_reminder_ticket_due on reminder (ticket_id, due_at, id);

-- Demand-deadline reminders sent: once per ticket and deadline (a new deadline reminds again).
create table demand_reminder_sent (
    ticket_id  bigint not null references ticket (id),
    deadline   timestamp with time zone not null,
    sent_at    timestamp with time zone not null,
    primary key (ticket_id, deadline)
);
