-- Files on timeline entries (messages, replies, notes). A row is written in the same transaction as
-- its entry and never changed. The bytes are addressed by SHA-256: as files under
-- <data dir>/attachments (kefu.attachments.store=file, the default) or in attachment_content
-- (kefu.attachments.store=database); equal bytes are kept once.
create sequence attachment_seq start with 1 increment by 50;

create table attachment (
    id                 bigint primary key,
    ticket_id          bigint not null references ticket (id),
    timeline_entry_id  bigint not null references timeline_entry (id),
    file_name          varchar(255) not null,
    content_type       varchar(127) not null,
    size_bytes         bigint not null,
    sha256             varchar(64) not null,
    is_inline          boolean not null default false,
    content_id         varchar(255),
    created_at         timestamp with time zone not null
);
-- a ticket's files page by id; a page of timeline entries fetches its files in one query
create index ix_attachment_ticket on attachment (ticket_id, id);
create index ix_attachment_entry on attachment (timeline_entry_id, id);
-- which rows refer to some content (deduplication, a later sweep of unreferenced content)
create index ix_attachment_sha256 on attachment (sha256);

-- Used only by the database store. Rows are only inserted, once per distinct content.
create table attachment_content (
    sha256      varchar(64) primary key,
    size_bytes  bigint not null,
    content     bytea not null,
    created_at  timestamp with time zone not null
);
