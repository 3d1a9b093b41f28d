-- The emotion read from each customer message (insight module), for the ticket's emotion and its trend.
-- cues: JSON array of {kind, text, weight}. One row per timeline entry; written once.
create table message_emotion (
    entry_id    bigint primary key,
    ticket_id   bigint not null,
    label       varchar(20) not null,
    intensity   double precision not null,
    cues        varchar(4000) not null,
    created_at  timestamp with time zone not null,
    constraint ck_message_emotion_label check (label in ('ANGRY', 'ANXIOUS', 'DISAPPOINTED', 'NEUTRAL', 'SATISFIED'))
);
-- a ticket's readings, newest first
create index ix_message_emotion_ticket on message_emotion (ticket_id, entry_id);
