-- db-scheduler 16.x (com.github.kagkarlsson) task table: persistent, cluster-safe timers. The SLA sweep
-- is a recurring task stored here, so it runs on one node at a time and survives restarts.
-- Same layout as db-scheduler's postgresql_tables.sql, with index names unique in the schema.
create table scheduled_tasks (
    task_name             varchar(250) not null,
    task_instance         varchar(250) not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean not null,
    picked_by             varchar(250),
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index ix_scheduled_tasks_priority_execution on scheduled_tasks (priority desc, execution_time asc);
