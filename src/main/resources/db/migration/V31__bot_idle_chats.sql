-- A bot chat that nobody else has: when its visitor has been quiet until this time, the bot-idle-chats sweep
-- resolves its ticket. Set on each bot turn of a chat with a ticket; cleared on hand-off and by the sweep.
alter table bot_session add column idle_due_at timestamp with time zone;
create index ix_bot_session_idle_due on bot_session (idle_due_at);
