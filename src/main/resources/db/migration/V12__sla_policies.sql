-- SLA policies (服务水平): ordered; the first active policy whose conditions all match a ticket applies.
-- A null condition matches anything. Targets are business time (seconds) on the policy's calendar;
-- a null target is not measured.
create sequence sla_policy_seq start with 1000 increment by 1;

create table sla_policy (
    id                      bigint primary key,
    name                    varchar(100) not null,
    position                integer not null,
    active                  boolean not null default true,
    calendar_id             bigint not null references sla_calendar (id),
    tier                    varchar(40),
    priority                varchar(2),
    channel                 varchar(20),
    complaint_type          varchar(40),
    organisation            varchar(200),
    tag                     varchar(60),
    first_response_seconds  bigint,
    next_response_seconds   bigint,
    resolution_seconds      bigint,
    pause_on_internal       boolean not null default false,
    warn_percent            integer not null default 80,
    version                 bigint not null default 0,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    constraint uk_sla_policy_name unique (name),
    constraint ck_sla_policy_warn check (warn_percent between 1 and 100)
);
create index ix_sla_policy_position on sla_policy (position, id);
create index ix_sla_policy_calendar on sla_policy (calendar_id);

insert into sla_policy (id, name, position, active, calendar_id, tier, priority, channel, first_response_seconds,
                        next_response_seconds, resolution_seconds, pause_on_internal, warn_percent, created_at, updated_at) values
    (1, 'VIP P1', 10, true, 1, 'VIP', 'P1', null, 1800, 3600, 28800, false, 80, current_timestamp, current_timestamp),
    (2, '在线聊天 Chat', 20, true, 2, null, null, 'CHAT', 15, 15, 180, false, 80, current_timestamp, current_timestamp),
    (3, '邮件 Email', 30, true, 1, null, null, 'EMAIL', 7200, 14400, null, false, 80, current_timestamp, current_timestamp);
