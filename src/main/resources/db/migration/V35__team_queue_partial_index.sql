-- The team queue (TeamQueues) reads only a team's unassigned tickets: "team_id = ? and assignee_id is null and status
-- in (...)". On PostgreSQL its index now holds only those, so a ticket without a team, or one an agent has taken, writes
-- no entry to it (it held every ticket: 134 MB of the 1.3M-ticket benchmark database, whose tickets have no team).
-- H2 has no partial indexes: the pg_only placeholder comments out both lines and the full index of V18 stays.
${pg_only}drop index ix_ticket_team_queue;
${pg_only}create index ix_ticket_team_queue on ticket (team_id, status, priority, created_at, id) where team_id is not null and assignee_id is null;
