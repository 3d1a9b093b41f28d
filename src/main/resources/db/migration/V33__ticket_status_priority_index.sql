-- "Open P1 tickets", newest change first (workspace filter status + priority, API ?status=OPEN&priority=P1).
-- Without this index PostgreSQL walks ix_ticket_priority_updated and filters by status: on the 1.5M-ticket benchmark
-- database the most recently changed P1 tickets were all new ones, so the first page read 102,000 index entries
-- (69 ms) to find 51 open ones. With it both columns are index conditions and the page is a range scan.
create index ix_ticket_status_priority_updated on ticket (status, priority, updated_at, id);
