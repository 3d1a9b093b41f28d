-- Agents, the departments (部门) and teams they belong to, and the API tokens they own.
create sequence department_seq start with 1 increment by 50;
create sequence team_seq start with 1 increment by 50;
create sequence agent_seq start with 1 increment by 50;
create sequence api_token_seq start with 1 increment by 50;

create table department (
    id            bigint primary key,
    code          varchar(40)  not null,
    name          varchar(200) not null,
    default_flag  boolean not null default false,
    created_at    timestamp with time zone not null,
    constraint uk_department_code unique (code)
);

create table team (
    id             bigint primary key,
    name           varchar(200) not null,
    department_id  bigint not null references department (id),
    created_at     timestamp with time zone not null,
    constraint uk_team_name unique (department_id, name)
);

create table agent (
    id                   bigint primary key,
    email                varchar(320) not null,
    display_name         varchar(200) not null,
    password_hash        varchar(200),
    role                 varchar(20)  not null,
    max_load             integer      not null default 10,
    presence             varchar(20)  not null default 'OFFLINE',
    presence_changed_at  timestamp with time zone,
    locale               varchar(10)  not null default 'zh-CN',
    time_zone            varchar(60)  not null default 'Asia/Shanghai',
    active               boolean      not null default true,
    failed_sign_ins      integer      not null default 0,
    locked_until         timestamp with time zone,
    last_sign_in_at      timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint not null default 0,
    constraint uk_agent_email unique (email)
);
create index ix_agent_name on agent (display_name, id);

create table agent_department (
    agent_id       bigint not null references agent (id),
    department_id  bigint not null references department (id),
    primary key (agent_id, department_id)
);
create index ix_agent_department_department on agent_department (department_id);

create table agent_team (
    agent_id  bigint not null references agent (id),
    team_id   bigint not null references team (id),
    primary key (agent_id, team_id)
);
create index ix_agent_team_team on agent_team (team_id);

-- kind: LANGUAGE, PRODUCT or COMPLAINT_TYPE; level 1 (basic) .. 5 (expert)
create table agent_skill (
    agent_id     bigint not null references agent (id),
    kind         varchar(20)  not null,
    skill_value  varchar(100) not null,
    skill_level  integer not null default 3,
    primary key (agent_id, kind, skill_value)
);

-- Only a SHA-256 hash of a token is kept; the token itself is shown once.
create table api_token (
    id             bigint primary key,
    agent_id       bigint not null references agent (id),
    name           varchar(200) not null,
    token_hash     varchar(64)  not null,
    token_prefix   varchar(16)  not null,
    created_at     timestamp with time zone not null,
    created_by_id  bigint references agent (id),
    last_used_at   timestamp with time zone,
    expires_at     timestamp with time zone,
    revoked_at     timestamp with time zone,
    constraint uk_api_token_hash unique (token_hash)
);
create index ix_api_token_agent on api_token (agent_id);
