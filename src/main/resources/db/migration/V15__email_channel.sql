-- The email channel: mailboxes (IMAP in, SMTP out), the message-id store that threads mails onto
-- tickets and makes intake exactly-once, the persistent outbox of replies and acknowledgements,
-- and the IMAP messages that failed intake (skipped after kefu.email.imap.max-failures tries).

create sequence email_mailbox_seq start with 1 increment by 1;
create table email_mailbox (
    id                     bigint primary key,
    name                   varchar(100) not null,
    from_address           varchar(320) not null,
    imap_host              varchar(255),
    imap_port              integer not null default 993,
    imap_security          varchar(10) not null default 'SSL',
    imap_user              varchar(320),
    imap_password          varchar(1000),
    imap_folder            varchar(200) not null default 'INBOX',
    processed_folder       varchar(200),
    smtp_host              varchar(255),
    smtp_port              integer not null default 465,
    smtp_security          varchar(10) not null default 'SSL',
    smtp_user              varchar(320),
    smtp_password          varchar(1000),
    department_id          bigint,
    team_id                bigint,
    poll_interval_seconds  integer not null default 60,
    acknowledge            boolean not null default true,
    active                 boolean not null default true,
    last_polled_at         timestamp with time zone,
    last_poll_error        varchar(1000),
    version                bigint not null default 0,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null
);
create index ix_email_mailbox_active on email_mailbox (active, id);

-- Every message id the desk has seen or sent. Unique: a redelivered mail is recognised (exactly once).
create sequence email_message_seq start with 1 increment by 50;
create table email_message (
    id            bigint primary key,
    message_id    varchar(998) not null,
    direction     varchar(3) not null,
    kind          varchar(12) not null,
    ticket_id     bigint,
    entry_id      bigint,
    mailbox_id    bigint,
    from_address  varchar(320),
    reply_to      varchar(1000),
    opened_ticket boolean not null default false,
    created_at    timestamp with time zone not null,
    constraint uk_email_message_id unique (message_id)
);
-- a ticket's thread (References of a reply, the customer's latest mail)
create index ix_email_message_ticket on email_message (ticket_id, id);
-- automatic mails of one sender within the storm window
create index ix_email_message_sender on email_message (from_address, created_at);

-- Mail to send: written in the transaction of the reply (or of the new ticket, for an acknowledgement),
-- sent by the recurring task email-outbox; attempts back off exponentially.
create sequence email_outbox_seq start with 1 increment by 50;
create table email_outbox (
    id               bigint primary key,
    ticket_id        bigint not null,
    entry_id         bigint,
    mailbox_id       bigint,
    purpose          varchar(12) not null,
    to_address       varchar(320) not null,
    subject          varchar(1000) not null,
    body             text not null,
    message_id       varchar(998) not null,
    in_reply_to      varchar(998),
    references_ids   text,
    status           varchar(10) not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(1000),
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone
);
create index ix_email_outbox_due on email_outbox (status, next_attempt_at, id);
create index ix_email_outbox_ticket on email_outbox (ticket_id, id);
-- the recipient of a mail that bounced
create index ix_email_outbox_message on email_outbox (message_id);

-- IMAP messages whose intake failed; after kefu.email.imap.max-failures attempts they are skipped.
create table email_inbound_failure (
    mailbox_id    bigint not null,
    uid_validity  bigint not null,
    uid           bigint not null,
    message_id    varchar(998),
    subject       varchar(1000),
    attempts      integer not null,
    last_error    varchar(1000),
    updated_at    timestamp with time zone not null,
    constraint pk_email_inbound_failure primary key (mailbox_id, uid_validity, uid)
);
