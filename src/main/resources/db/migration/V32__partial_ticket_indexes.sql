-- Indexes on ticket columns that most tickets leave empty hold only the tickets that have a value, on PostgreSQL.
-- Every list that uses them narrows by that column (team = ?, team in (...), complaint type = ?, a demand-deadline
-- range or sort, merged into = ?), or asks for "is not null" itself (the SLA-due sort, see TicketFinder), so the
-- planner proves the predicate and nothing changes for a query. A new ticket without a team, demand deadline or
-- complaint type then writes 16 index entries instead of 23 (nor is it merged or has a running clock yet when it is
-- inserted), and a non-HOT update of such a ticket as many.
-- H2 has no partial indexes: the pg_only placeholder comments out each line below and its indexes stay full ones, as before.
-- The assignee indexes stay full on both: the unassigned queue (assignee is null) reads them.
${pg_only}drop index ix_ticket_team_updated;
${pg_only}create index ix_ticket_team_updated on ticket (team_id, updated_at, id) where team_id is not null;
${pg_only}drop index ix_ticket_team_status_updated;
${pg_only}create index ix_ticket_team_status_updated on ticket (team_id, status, updated_at, id) where team_id is not null;
${pg_only}drop index ix_ticket_team_sla_due;
${pg_only}create index ix_ticket_team_sla_due on ticket (team_id, sla_next_due_at, id) where team_id is not null;
${pg_only}drop index ix_ticket_merged_into;
${pg_only}create index ix_ticket_merged_into on ticket (merged_into_id) where merged_into_id is not null;
${pg_only}drop index ix_ticket_demand_deadline;
${pg_only}create index ix_ticket_demand_deadline on ticket (demand_deadline, id) where demand_deadline is not null;
${pg_only}drop index ix_ticket_complaint_type_updated;
${pg_only}create index ix_ticket_complaint_type_updated on ticket (complaint_type, updated_at, id) where complaint_type is not null;
${pg_only}drop index ix_ticket_sla_due;
${pg_only}create index ix_ticket_sla_due on ticket (sla_next_due_at, id) where sla_next_due_at is not null;
