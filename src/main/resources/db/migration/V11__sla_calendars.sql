-- Business calendars (工作时间与节假日): a time zone, weekly opening hours, and dates that differ from
-- the week: public holidays (closed) and make-up working days (调休上班日, open with their own hours).
-- Opening hours are text like '09:00-12:00,13:30-18:00' (local wall time, half-open, 24:00 = end of day;
-- empty = closed). See docs/service-rules.md and docs/adr/0006-business-time.md.
create sequence sla_calendar_seq start with 1000 increment by 1;

create table sla_calendar (
    id           bigint primary key,
    name         varchar(100) not null,
    time_zone    varchar(60)  not null,
    description  varchar(1000),
    version      bigint not null default 0,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint uk_sla_calendar_name unique (name)
);

-- day_of_week: 1 = Monday ... 7 = Sunday (ISO-8601)
create table sla_calendar_week (
    calendar_id    bigint not null references sla_calendar (id) on delete cascade,
    day_of_week    smallint not null,
    opening_hours  varchar(200) not null,
    primary key (calendar_id, day_of_week),
    constraint ck_sla_calendar_week_day check (day_of_week between 1 and 7)
);

-- kind: HOLIDAY (closed all day, opening_hours empty) or WORKDAY (make-up working day with opening_hours)
create table sla_calendar_day (
    calendar_id    bigint not null references sla_calendar (id) on delete cascade,
    on_date        date not null,
    kind           varchar(10) not null,
    opening_hours  varchar(200) not null,
    name           varchar(100),
    primary key (calendar_id, on_date),
    constraint ck_sla_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

insert into sla_calendar (id, name, time_zone, description, version, created_at, updated_at) values
    (1, '中国大陆工作日 2025–2026', 'Asia/Shanghai',
     '周一至周五 09:00–12:00、13:30–18:00；国务院办公厅 2025、2026 年法定节假日与调休上班日', 0, current_timestamp, current_timestamp),
    (2, '7×24', 'UTC', '全天候，无节假日', 0, current_timestamp, current_timestamp);

insert into sla_calendar_week (calendar_id, day_of_week, opening_hours) values
    (1, 1, '09:00-12:00,13:30-18:00'), (1, 2, '09:00-12:00,13:30-18:00'), (1, 3, '09:00-12:00,13:30-18:00'), (1, 4, '09:00-12:00,13:30-18:00'), (1, 5, '09:00-12:00,13:30-18:00'), (1, 6, ''), (1, 7, ''),
    (2, 1, '00:00-24:00'), (2, 2, '00:00-24:00'), (2, 3, '00:00-24:00'), (2, 4, '00:00-24:00'),
    (2, 5, '00:00-24:00'), (2, 6, '00:00-24:00'), (2, 7, '00:00-24:00');

insert into sla_calendar_day (calendar_id, on_date, kind, opening_hours, name) values
    (1, date '2025-01-01', 'HOLIDAY', '', '元旦'),
    (1, date '2025-01-28', 'HOLIDAY', '', '春节'),
    (1, date '2025-01-29', 'HOLIDAY', '', '春节'),
    (1, date '2025-01-30', 'HOLIDAY', '', '春节'),
    (1, date '2025-01-31', 'HOLIDAY', '', '春节'),
    (1, date '2025-02-01', 'HOLIDAY', '', '春节'),
    (1, date '2025-02-02', 'HOLIDAY', '', '春节'),
    (1, date '2025-02-03', 'HOLIDAY', '', '春节'),
    (1, date '2025-02-04', 'HOLIDAY', '', '春节'),
    (1, date '2025-04-04', 'HOLIDAY', '', '清明节'),
    (1, date '2025-04-05', 'HOLIDAY', '', '清明节'),
    (1, date '2025-04-06', 'HOLIDAY', '', '清明节'),
    (1, date '2025-05-01', 'HOLIDAY', '', '劳动节'),
    (1, date '2025-05-02', 'HOLIDAY', '', '劳动节'),
    (1, date '2025-05-03', 'HOLIDAY', '', '劳动节'),
    (1, date '2025-05-04', 'HOLIDAY', '', '劳动节'),
    (1, date '2025-05-05', 'HOLIDAY', '', '劳动节'),
    (1, date '2025-05-31', 'HOLIDAY', '', '端午节'),
    (1, date '2025-06-01', 'HOLIDAY', '', '端午节'),
    (1, date '2025-06-02', 'HOLIDAY', '', '端午节'),
    (1, date '2025-10-01', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2025-10-02', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2025-10-03', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2025-10-04', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2025-10-05', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2025-10-06', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2025-10-07', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2025-10-08', 'HOLIDAY', '', '国庆节、中秋节'),
    (1, date '2026-01-01', 'HOLIDAY', '', '元旦'),
    (1, date '2026-01-02', 'HOLIDAY', '', '元旦'),
    (1, date '2026-01-03', 'HOLIDAY', '', '元旦'),
    (1, date '2026-02-15', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-16', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-17', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-18', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-19', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-20', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-21', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-22', 'HOLIDAY', '', '春节'),
    (1, date '2026-02-23', 'HOLIDAY', '', '春节'),
    (1, date '2026-04-04', 'HOLIDAY', '', '清明节'),
    (1, date '2026-04-05', 'HOLIDAY', '', '清明节'),
    (1, date '2026-04-06', 'HOLIDAY', '', '清明节'),
    (1, date '2026-05-01', 'HOLIDAY', '', '劳动节'),
    (1, date '2026-05-02', 'HOLIDAY', '', '劳动节'),
    (1, date '2026-05-03', 'HOLIDAY', '', '劳动节'),
    (1, date '2026-05-04', 'HOLIDAY', '', '劳动节'),
    (1, date '2026-05-05', 'HOLIDAY', '', '劳动节'),
    (1, date '2026-06-19', 'HOLIDAY', '', '端午节'),
    (1, date '2026-06-20', 'HOLIDAY', '', '端午节'),
    (1, date '2026-06-21', 'HOLIDAY', '', '端午节'),
    (1, date '2026-09-25', 'HOLIDAY', '', '中秋节'),
    (1, date '2026-09-26', 'HOLIDAY', '', '中秋节'),
    (1, date '2026-09-27', 'HOLIDAY', '', '中秋节'),
    (1, date '2026-10-01', 'HOLIDAY', '', '国庆节'),
    (1, date '2026-10-02', 'HOLIDAY', '', '国庆节'),
    (1, date '2026-10-03', 'HOLIDAY', '', '国庆节'),
    (1, date '2026-10-04', 'HOLIDAY', '', '国庆节'),
    (1, date '2026-10-05', 'HOLIDAY', '', '国庆节'),
    (1, date '2026-10-06', 'HOLIDAY', '', '国庆节'),
    (1, date '2026-10-07', 'HOLIDAY', '', '国庆节'),
    (1, date '2025-01-26', 'WORKDAY', '09:00-12:00,13:30-18:00', '春节调休上班'),
    (1, date '2025-02-08', 'WORKDAY', '09:00-12:00,13:30-18:00', '春节调休上班'),
    (1, date '2025-04-27', 'WORKDAY', '09:00-12:00,13:30-18:00', '劳动节调休上班'),
    (1, date '2025-09-28', 'WORKDAY', '09:00-12:00,13:30-18:00', '国庆节调休上班'),
    (1, date '2025-10-11', 'WORKDAY', '09:00-12:00,13:30-18:00', '国庆节调休上班'),
    (1, date '2026-01-04', 'WORKDAY', '09:00-12:00,13:30-18:00', '元旦调休上班'),
    (1, date '2026-02-14', 'WORKDAY', '09:00-12:00,13:30-18:00', '春节调休上班'),
    (1, date '2026-02-28', 'WORKDAY', '09:00-12:00,13:30-18:00', '春节调休上班'),
    (1, date '2026-05-09', 'WORKDAY', '09:00-12:00,13:30-18:00', '劳动节调休上班'),
    (1, date '2026-09-20', 'WORKDAY', '09:00-12:00,13:30-18:00', '国庆节调休上班'),
    (1, date '2026-10-10', 'WORKDAY', '09:00-12:00,13:30-18:00', '国庆节调休上班');
