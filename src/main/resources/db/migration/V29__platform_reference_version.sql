-- One version per kind of cached reference data (docs/architecture.md "Reference data cache"): every change of the
-- kind's data raises it in the same transaction; each node's refresher evicts kinds whose version moved.
create table reference_version (
    kind varchar(100) primary key,
    version bigint not null
);

insert into reference_version (kind, version) values
    ('customer.tiers', 0),
    ('agent.default-department', 0),
    ('ticket.custom-fields', 0),
    ('ticket.complaint-types', 0),
    ('priority.settings', 0),
    ('sla.policies', 0),
    ('sla.calendars', 0),
    ('goals.service-goals', 0),
    ('routing.rules', 0),
    ('routing.team-strategies', 0),
    ('escalation.rules', 0);
