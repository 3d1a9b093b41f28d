-- Saved views: an agent's named ticket filters, listed in the workspace sidebar.
create sequence saved_view_seq start with 1 increment by 50;

create table saved_view (
    id          bigint primary key,
    agent_id    bigint not null references agent (id),
    name        varchar(80) not null,
    filters     varchar(4000) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint uk_saved_view_agent_name unique (agent_id, name)
);

-- One index per workspace view (docs/workspace.md), so every list and its capped count stays
-- an index range scan at 1M tickets:
-- 我的待办 My open (assignee = me, active) and 未分配 Unassigned (assignee is null, active):
--   ix_ticket_assignee_status_updated (assignee_id, status, updated_at, id), created in V5
-- 我的团队 My team (team in my teams, active)
create index ix_ticket_team_status_updated on ticket (team_id, status, updated_at, id);
-- 全部可见 All I may see, for agents (department in mine), active statuses:
--   ix_ticket_department_status_updated (department_id, status, updated_at, id), created in V5
-- 即将到期 Due soon (demand deadline in the next 24 h), sorted by deadline
create index ix_ticket_demand_deadline on ticket (demand_deadline, id);
-- saved-view filters not covered by the base indexes
create index ix_ticket_complaint_type_updated on ticket (complaint_type, updated_at, id);
create index ix_customer_tier on customer (tier_id, id);
