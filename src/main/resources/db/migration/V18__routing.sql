-- Routing and assignment (智能路由).
-- Rules are tried in position order when a ticket is opened; the first active rule whose non-null
-- conditions all match sends the ticket to its department and/or team.
create sequence routing_rule_seq start with 1000 increment by 1;

create table routing_rule (
    id              bigint primary key,
    name            varchar(100) not null,
    position        integer not null,
    active          boolean not null default true,
    channel         varchar(20),
    -- the channel's own source (mailbox address, chat widget id); reserved until channels record one
    source          varchar(200),
    complaint_type  varchar(40),
    product         varchar(200),
    language        varchar(20),
    tier            varchar(40),
    department_id   bigint references department (id),
    team_id         bigint references team (id),
    version         bigint not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint uk_routing_rule_name unique (name),
    constraint ck_routing_rule_target check (department_id is not null or team_id is not null)
);
create index ix_routing_rule_position on routing_rule (position, id);
create index ix_routing_rule_team on routing_rule (team_id);
create index ix_routing_rule_department on routing_rule (department_id);

-- How a team hands out its tickets. A team without a row is MANUAL (agents pull from the queue).
create table routing_team (
    team_id     bigint primary key references team (id),
    strategy    varchar(20) not null default 'MANUAL',
    version     bigint not null default 0,
    updated_at  timestamp with time zone not null,
    constraint ck_routing_team_strategy check (strategy in ('MANUAL', 'ROUND_ROBIN', 'SKILLS_AND_LOAD'))
);
create index ix_routing_team_strategy on routing_team (strategy, team_id);

-- One row per agent who has received automatic work: locked (select ... for update) while a ticket
-- is given to the agent, so two decisions never fill the same last free slot; remembers when the
-- agent last got a ticket (fairness: longest idle first).
create table routing_agent_load (
    agent_id          bigint primary key references agent (id),
    last_assigned_at  timestamp with time zone,
    assignments       bigint not null default 0
);

-- Why each automatic assignment chose its agent, for the ticket and for reports.
create sequence routing_assignment_seq start with 1 increment by 50;

create table routing_assignment (
    id              bigint primary key,
    ticket_id       bigint not null references ticket (id),
    agent_id        bigint not null references agent (id),
    team_id         bigint not null references team (id),
    strategy        varchar(20) not null,
    reason          varchar(1000) not null,
    matched_skills  varchar(500),
    load_before     integer not null,
    max_load        integer not null,
    idle_seconds    bigint,
    decided_at      timestamp with time zone not null
);
create index ix_routing_assignment_ticket on routing_assignment (ticket_id, id);
create index ix_routing_assignment_agent on routing_assignment (agent_id, decided_at, id);
create index ix_routing_assignment_decided on routing_assignment (decided_at, id);

-- A team's queue: its unassigned tickets by status, read in priority-then-age order.
create index ix_ticket_team_queue on ticket (team_id, assignee_id, status, priority, created_at, id);
