-- Reply templates (预设回复模板) and macros (automation module), with per-agent usage counts, and the default set.
-- A template is PERSONAL (owner_id), or shared with a TEAM, a DEPARTMENT or EVERYONE. Bodies hold {{variables}}.
create sequence reply_template_seq start with 1000 increment by 1;

create table reply_template (
    id             bigint primary key,
    name           varchar(100) not null,
    name_zh_tw     varchar(100),
    name_en        varchar(100),
    shortcut       varchar(40),
    category       varchar(40),
    scope          varchar(20) not null,
    owner_id       bigint,
    team_id        bigint,
    department_id  bigint,
    body_zh_cn     varchar(8000),
    body_zh_tw     varchar(8000),
    body_en        varchar(8000),
    usage_count    bigint not null default 0,
    version        bigint not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint ck_reply_template_scope check (scope in ('PERSONAL', 'TEAM', 'DEPARTMENT', 'EVERYONE')),
    constraint ck_reply_template_owner check (scope <> 'PERSONAL' or owner_id is not null),
    constraint ck_reply_template_body check (body_zh_cn is not null or body_zh_tw is not null or body_en is not null)
);
-- the picker: an agent's own templates and the shared ones, most used first
create index ix_reply_template_owner on reply_template (owner_id, usage_count);
create index ix_reply_template_scope on reply_template (scope, department_id, team_id, usage_count);
-- the API list pages by id; shortcut and category filters
create index ix_reply_template_shortcut on reply_template (shortcut);
create index ix_reply_template_category on reply_template (category, id);

create table reply_template_usage (
    template_id   bigint not null references reply_template (id) on delete cascade,
    agent_id      bigint not null,
    uses          bigint not null,
    last_used_at  timestamp with time zone not null,
    primary key (template_id, agent_id)
);
create index ix_reply_template_usage_agent on reply_template_usage (agent_id, uses);

-- A macro: optionally a template reply (INSERT into the composer, SEND to the customer, or add as a NOTE), then
-- field changes. Tags are stored one per line.
create sequence macro_seq start with 1000 increment by 1;

create table macro (
    id                    bigint primary key,
    name                  varchar(100) not null,
    name_zh_tw            varchar(100),
    name_en               varchar(100),
    scope                 varchar(20) not null,
    owner_id              bigint,
    team_id               bigint,
    department_id         bigint,
    template_id           bigint references reply_template (id) on delete set null,
    reply_mode            varchar(10) not null default 'NONE',
    set_status            varchar(20),
    set_priority          varchar(2),
    add_tags              varchar(1000),
    remove_tags           varchar(1000),
    assign_department_id  bigint,
    assign_team_id        bigint,
    assignee_id           bigint,
    assign_to_me          boolean not null default false,
    usage_count           bigint not null default 0,
    version               bigint not null default 0,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    constraint ck_macro_scope check (scope in ('PERSONAL', 'TEAM', 'DEPARTMENT', 'EVERYONE')),
    constraint ck_macro_owner check (scope <> 'PERSONAL' or owner_id is not null),
    constraint ck_macro_reply_mode check (reply_mode in ('NONE', 'INSERT', 'SEND', 'NOTE'))
);
create index ix_macro_owner on macro (owner_id, usage_count);
create index ix_macro_scope on macro (scope, department_id, team_id, usage_count);
create index ix_macro_template on macro (template_id);

create table macro_usage (
    macro_id      bigint not null references macro (id) on delete cascade,
    agent_id      bigint not null,
    uses          bigint not null,
    last_used_at  timestamp with time zone not null,
    primary key (macro_id, agent_id)
);
create index ix_macro_usage_agent on macro_usage (agent_id, uses);

-- The default set, shared with everyone, following the seeds' conflict steps (stay calm, listen, apologise and
-- confirm, commit to a concrete solution with a time frame, follow up). Written once by this migration.
insert into reply_template (id, name, name_zh_tw, name_en, shortcut, category, scope, body_zh_cn, body_zh_tw, body_en,
    created_at, updated_at) values
(1, '倾听安抚', '傾聽安撫', 'Listen and reassure', 'listen', 'deescalation', 'EVERYONE',
 '{{customer.name}}，您好！您的心情我完全理解。请您把情况慢慢告诉我，我会认真记录每一个细节，不会让您重复说明。
{{agent.name}}',
 '{{customer.name}}，您好！您的心情我完全理解。請您把情況慢慢告訴我，我會認真記錄每一個細節，不會讓您重複說明。
{{agent.name}}',
 'Dear {{customer.name}},
I completely understand how you feel. Please tell me everything at your own pace; I am noting every detail so that you will not have to repeat yourself.
{{agent.name}}',
 current_timestamp, current_timestamp),
(2, '道歉并确认问题', '道歉並確認問題', 'Apologise and confirm', 'apology', 'deescalation', 'EVERYONE',
 '{{customer.name}}，您好！我理解这种情况给您带来的不便，我们确实应该做得更好，非常抱歉。
我先跟您确认一下：您反映的是「{{ticket.subject}}」（工单号 {{ticket.number}}），对吗？这件事由我负责跟进，直到为您处理好。
{{agent.name}}',
 '{{customer.name}}，您好！我理解這種情況給您帶來的不便，我們確實應該做得更好，非常抱歉。
我先跟您確認一下：您反映的是「{{ticket.subject}}」（工單號 {{ticket.number}}），對嗎？這件事由我負責跟進，直到為您處理好。
{{agent.name}}',
 'Dear {{customer.name}},
I understand the inconvenience this has caused you, and we really should have done better. I am sorry.
Let me confirm that I have understood: your concern is "{{ticket.subject}}" (ticket {{ticket.number}}), is that right? I will personally follow this up until it is resolved.
{{agent.name}}',
 current_timestamp, current_timestamp),
(3, '解决方案与时限承诺', '解決方案與時限承諾', 'Solution and time frame', 'commit', 'deescalation', 'EVERYONE',
 '{{customer.name}}，您好！针对您反映的「{{ticket.subject}}」，我们的处理方案是：{{ask.具体解决方案}}。
我们会在 {{ticket.demandDeadline}} 前完成，并第一时间告诉您进展；如有任何变化，我会主动联系您。
工单号：{{ticket.number}}
{{agent.name}}',
 '{{customer.name}}，您好！針對您反映的「{{ticket.subject}}」，我們的處理方案是：{{ask.具體解決方案}}。
我們會在 {{ticket.demandDeadline}} 前完成，並第一時間告訴您進展；如有任何變化，我會主動聯繫您。
工單號：{{ticket.number}}
{{agent.name}}',
 'Dear {{customer.name}},
About "{{ticket.subject}}", this is what we will do: {{ask.concrete solution}}.
We will complete it by {{ticket.demandDeadline}} and tell you as soon as there is progress; if anything changes, I will contact you first.
Ticket: {{ticket.number}}
{{agent.name}}',
 current_timestamp, current_timestamp),
(4, '解决后回访', '解決後回訪', 'Follow-up after resolution', 'followup', 'deescalation', 'EVERYONE',
 '{{customer.name}}，您好！我是{{agent.name}}，想跟进一下工单 {{ticket.number}}（{{ticket.subject}}）：问题现在是否已经完全解决？您对这次的服务满意吗？如果还有任何不妥，请直接回复我，我会继续为您处理。',
 '{{customer.name}}，您好！我是{{agent.name}}，想跟進一下工單 {{ticket.number}}（{{ticket.subject}}）：問題現在是否已經完全解決？您對這次的服務滿意嗎？如果還有任何不妥，請直接回覆我，我會繼續為您處理。',
 'Dear {{customer.name}},
This is {{agent.name}} following up on ticket {{ticket.number}} ({{ticket.subject}}). Is everything fully resolved now, and are you satisfied with how we handled it? If anything is still not right, just reply and I will take care of it.',
 current_timestamp, current_timestamp),
(5, '请客户补充信息', '請客戶補充資訊', 'Ask for more information', 'moreinfo', 'information', 'EVERYONE',
 '{{customer.name}}，您好！为了尽快为您处理「{{ticket.subject}}」，还需要您补充以下信息：
1. 订单号（如有）
2. 问题的具体情况或照片
3. 方便联系您的时间
收到后我会立即跟进。
{{agent.name}}',
 '{{customer.name}}，您好！為了盡快為您處理「{{ticket.subject}}」，還需要您補充以下資訊：
1. 訂單號（如有）
2. 問題的具體情況或照片
3. 方便聯繫您的時間
收到後我會立即跟進。
{{agent.name}}',
 'Dear {{customer.name}},
To resolve "{{ticket.subject}}" as quickly as possible, could you please send us:
1. your order number (if any)
2. details or photos of the problem
3. a good time to reach you
I will follow up as soon as I hear from you.
{{agent.name}}',
 current_timestamp, current_timestamp),
(6, '问题已解决', '問題已解決', 'Issue resolved', 'resolved', 'closing', 'EVERYONE',
 '{{customer.name}}，您好！您反映的「{{ticket.subject}}」（工单号 {{ticket.number}}）已处理完毕。如果问题仍然存在，直接回复本消息即可，我们会继续为您跟进。感谢您的耐心与理解！
{{agent.name}}',
 '{{customer.name}}，您好！您反映的「{{ticket.subject}}」（工單號 {{ticket.number}}）已處理完畢。如果問題仍然存在，直接回覆本訊息即可，我們會繼續為您跟進。感謝您的耐心與理解！
{{agent.name}}',
 'Dear {{customer.name}},
Your request "{{ticket.subject}}" (ticket {{ticket.number}}) has been resolved. If the problem persists, simply reply to this message and we will continue to help. Thank you for your patience!
{{agent.name}}',
 current_timestamp, current_timestamp),
(7, '订单状态答复', '訂單狀態答覆', 'Order status', 'order', 'order', 'EVERYONE',
 '{{customer.name}}，您好！已为您查询订单 {{ticket.order}}（{{ticket.product}}）：{{ask.订单当前状态}}。如有其他问题，随时联系我。
{{agent.name}}',
 '{{customer.name}}，您好！已為您查詢訂單 {{ticket.order}}（{{ticket.product}}）：{{ask.訂單目前狀態}}。如有其他問題，隨時聯繫我。
{{agent.name}}',
 'Dear {{customer.name}},
I have checked order {{ticket.order}} ({{ticket.product}}): {{ask.current order status}}. If you have any other question, just let me know.
{{agent.name}}',
 current_timestamp, current_timestamp);

insert into macro (id, name, name_zh_tw, name_en, scope, template_id, reply_mode, set_status, set_priority, add_tags,
    created_at, updated_at) values
(1, '需要客户补充信息', '需要客戶補充資訊', 'Need information from customer', 'EVERYONE', 5, 'SEND', 'PENDING_CUSTOMER', null,
 '待补充信息', current_timestamp, current_timestamp),
(2, '已解决', '已解決', 'Resolved', 'EVERYONE', 6, 'SEND', 'RESOLVED', null, null, current_timestamp, current_timestamp),
(3, '安抚并升级', '安撫並升級', 'Soothe and escalate', 'EVERYONE', 2, 'INSERT', null, 'P2', '情绪安抚',
 current_timestamp, current_timestamp);
