-- Where in its channel a ticket came in, as the channel names it (email: the mailbox id; chat: the chat
-- channel id; webhook: the webhook channel id), for routing rules by mailbox or channel. Set once at opening.
alter table ticket add column source varchar(200);

-- IMAP IDLE: one app node at a time holds a mailbox's lease and keeps an IDLE connection open on its
-- folder; it renews the lease while it idles. An expired lease may be taken by any node.
create table email_idle_lease (
    mailbox_id  bigint primary key references email_mailbox (id) on delete cascade,
    holder      varchar(100) not null,
    expires_at  timestamp with time zone not null
);
