-- 1) Lists sorted by SLA due (最早到期): a denormalised copy of the earliest due time of the ticket's
--    RUNNING SLA clocks, kept by the sla module in the ticket's own transaction (org.kefu.sla.TicketDueColumn).
--    Null when no clock runs (no policy, all met, or paused while waiting on the customer): such
--    tickets sort last. See docs/adr/0008-sla-due-sort-and-goal-outcomes.md.
alter table ticket add column sla_next_due_at timestamp with time zone;

update ticket set sla_next_due_at = (
    select min(c.due_at) from sla_clock c where c.ticket_id = ticket.id and c.state = 'RUNNING')
where exists (select 1 from sla_clock c where c.ticket_id = ticket.id and c.state = 'RUNNING');

-- keyset order (sla_next_due_at asc nulls last, id asc), globally (admins) and for the common narrowings
create index ix_ticket_sla_due on ticket (sla_next_due_at, id);
create index ix_ticket_assignee_sla_due on ticket (assignee_id, sla_next_due_at, id);
create index ix_ticket_department_sla_due on ticket (department_id, sla_next_due_at, id);
create index ix_ticket_team_sla_due on ticket (team_id, sla_next_due_at, id);

-- 2) Service goals (服务目标): "96% of email tickets first-answered within 2 business hours".
--    metric: FIRST_RESPONSE, CHAT_FIRST_RESPONSE (first response of chat tickets), RESOLUTION.
--    Filters left null match every ticket. threshold_seconds is business time on calendar_id.
create sequence service_goal_seq start with 1000 increment by 1;

create table service_goal (
    id                 bigint primary key,
    name               varchar(100) not null,
    metric             varchar(30) not null,
    target_percent     decimal(5, 2) not null,
    threshold_seconds  bigint not null,
    calendar_id        bigint not null references sla_calendar (id),
    channel            varchar(20),
    priority           varchar(2),
    team_id            bigint,
    department_id      bigint,
    complaint_type     varchar(40),
    active             boolean not null default true,
    version            bigint not null default 0,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint uk_service_goal_name unique (name),
    constraint ck_service_goal_metric check (metric in ('FIRST_RESPONSE', 'CHAT_FIRST_RESPONSE', 'RESOLUTION')),
    constraint ck_service_goal_percent check (target_percent > 0 and target_percent <= 100),
    constraint ck_service_goal_threshold check (threshold_seconds > 0)
);
create index ix_service_goal_calendar on service_goal (calendar_id);

-- One row per goal and ticket it covers, written when the ticket opens (deadline_at = opened_at plus the
-- goal's threshold in business time) and completed when the measured act happens (met_at). Attainment of a
-- period is one aggregate over (goal_id, opened_at) range: met = met_at <= deadline_at; missed = met late,
-- or not met and deadline passed; pending = not met and deadline ahead. The index covers the aggregate.
create table goal_outcome (
    goal_id      bigint not null references service_goal (id) on delete cascade,
    ticket_id    bigint not null,
    opened_at    timestamp with time zone not null,
    deadline_at  timestamp with time zone not null,
    met_at       timestamp with time zone,
    primary key (goal_id, ticket_id)
);
create index ix_goal_outcome_period on goal_outcome (goal_id, opened_at, deadline_at, met_at);
-- completing outcomes when a ticket is answered or resolved
create index ix_goal_outcome_ticket on goal_outcome (ticket_id, met_at);

insert into service_goal (id, name, metric, target_percent, threshold_seconds, calendar_id, channel, priority, team_id,
                          department_id, complaint_type, active, version, created_at, updated_at) values
    (1, '邮件 2 小时内首次响应', 'FIRST_RESPONSE', 96.00, 7200, 1, 'EMAIL', null, null, null, null, true, 0,
     current_timestamp, current_timestamp),
    (2, '在线聊天 15 秒内响应', 'CHAT_FIRST_RESPONSE', 90.00, 15, 2, null, null, null, null, null, true, 0,
     current_timestamp, current_timestamp);
