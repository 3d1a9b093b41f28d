package org.kefu.ticket.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.kefu.platform.web.Times;
import org.kefu.ticket.Author;
import org.kefu.ticket.TicketEventType;
import org.kefu.ticket.TimelineEntry;
import org.kefu.ticket.web.TicketPageViews.Item;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns timeline entries into what the page shows: messages keep their (untrusted, escaped by the
 * template) text; events become one localized sentence from their type and data.
 */
final class TimelineSentences {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_VALUE = 80;

    /** Names for ids and codes that event data holds. */
    record Names(Map<Long, String> departments, Map<Long, String> teams, Map<Long, String> agents,
            Function<String, String> complaintType, Map<String, String> customFieldLabels) {
    }

    private final MessageSource messages;
    private final Locale locale;
    private final Times times;
    private final Names names;

    TimelineSentences(MessageSource messages, Locale locale, Times times, Names names) {
        this.messages = messages;
        this.locale = locale;
        this.times = times;
        this.names = names;
    }

    Item item(TimelineEntry e) {
        Author author = e.getAuthor();
        String who = author.type() == Author.Type.SYSTEM ? text("ticket.author.system") : author.name();
        String channel = e.getChannel() == null ? null : text("channel." + e.getChannel().name());
        return switch (e.getKind()) {
            case CUSTOMER_MESSAGE -> new Item(e.getId(), "CUSTOMER_MESSAGE", "customer", who, channel, e.getBody(), null,
                    null, null, e.getCreatedAt(), List.of());
            case REPLY -> new Item(e.getId(), "REPLY", "reply", who, channel, e.getBody(), null, null, null, e.getCreatedAt(), List.of());
            case NOTE -> new Item(e.getId(), "NOTE", "note", who, null, e.getBody(), null, null, null, e.getCreatedAt(), List.of());
            case EVENT -> event(e, who);
        };
    }

    @SuppressWarnings("unchecked")
    private Item event(TimelineEntry e, String who) {
        Map<String, Object> data = e.getEventData() == null ? Map.of() : JSON.readValue(e.getEventData(), Map.class);
        String type = e.getEventType() == null ? "" : e.getEventType();
        Long refId = data.get("ticketId") instanceof Number n ? n.longValue() : null;
        String refNumber = data.get("number") == null ? null : String.valueOf(data.get("number"));
        String sentence = sentence(type, data, who);
        String css = TicketEventType.NOTICE.equals(type) && "WARNING".equals(data.get("level")) ? "event warning" : "event";
        return new Item(e.getId(), "EVENT", css, who, null, null, sentence, refId, refNumber, e.getCreatedAt(), List.of());
    }

    @SuppressWarnings("unchecked")
    private String sentence(String type, Map<String, Object> data, String who) {
        return switch (type) {
            case TicketEventType.CREATED -> created(who, data);
            case TicketEventType.STATUS_CHANGED -> text("ticket.event.STATUS_CHANGED", who,
                    label("status.", data.get("from")), label("status.", data.get("to")));
            case TicketEventType.PRIORITY_CHANGED -> text("ticket.event.PRIORITY_CHANGED", who,
                    label("priority.", data.get("from")), label("priority.", data.get("to")));
            case TicketEventType.ASSIGNED, TicketEventType.FIELD_CHANGED -> fieldChange(who, data);
            case TicketEventType.TAGS_CHANGED -> tags(who, (Collection<Object>) data.getOrDefault("added", List.of()),
                    (Collection<Object>) data.getOrDefault("removed", List.of()));
            case TicketEventType.MERGED_INTO -> text("ticket.event.MERGED_INTO", who);
            case TicketEventType.MERGED_FROM -> text("ticket.event.MERGED_FROM", who);
            case TicketEventType.LINKED -> text("ticket.event.LINKED." + data.getOrDefault("role", "RELATED"), who);
            case TicketEventType.UNLINKED -> text("ticket.event.UNLINKED", who);
            case TicketEventType.CUSTOMER_CHANGED -> text("ticket.event.CUSTOMER_CHANGED", who);
            case TicketEventType.NOTICE -> notice(who, data);
            default -> text("ticket.event.other", who, type);
        };
    }

    /** Opened, then what was set in the same moment ({@code initial}: the events it took in), in one sentence. */
    @SuppressWarnings("unchecked")
    private String created(String who, Map<String, Object> data) {
        List<String> parts = new ArrayList<>();
        parts.add(text("ticket.event.CREATED", who, data.get("channel") == null ? "" : text("channel." + data.get("channel"))));
        if (data.get("initial") instanceof Collection<?> initial) {
            for (Object item : initial) {
                if (item instanceof Map<?, ?> m && m.get("type") != null && !TicketEventType.CREATED.equals(m.get("type"))) {
                    Map<String, Object> itemData = m.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
                    parts.add(sentence(String.valueOf(m.get("type")), itemData, who));
                }
            }
        }
        return String.join(text("ticket.event.separator"), parts);
    }

    /** Another module's event: its key with the recorded arguments, prefixed by who did it. */
    private String notice(String who, Map<String, Object> data) {
        Object[] args = data.get("args") instanceof Collection<?> c
                ? c.stream().map(a -> truncated(String.valueOf(a))).toArray() : new Object[0];
        String key = String.valueOf(data.get("key"));
        String sentence = messages.getMessage(key, args, key, locale);
        return text("ticket.event.NOTICE", who, sentence);
    }

    private static String truncated(String value) {
        return value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }

    private String fieldChange(String who, Map<String, Object> data) {
        String field = String.valueOf(data.get("field"));
        Object to = data.get("to");
        String fieldLabel;
        if (field.startsWith("customFields.")) {
            String key = field.substring("customFields.".length());
            fieldLabel = names.customFieldLabels().getOrDefault(key, key);
        } else {
            fieldLabel = text("ticket.field." + field);
        }
        if (to == null || (to instanceof Collection<?> c && c.isEmpty())) {
            return text("ticket.event.cleared", who, fieldLabel);
        }
        return text("ticket.event.set", who, fieldLabel, value(field, to));
    }

    private String value(String field, Object value) {
        String shown = switch (field) {
            case "departmentId" -> idName(names.departments(), value);
            case "teamId" -> idName(names.teams(), value);
            case "assigneeId" -> idName(names.agents(), value);
            case "complaintType" -> names.complaintType().apply(String.valueOf(value));
            case "demandDeadline" -> instant(String.valueOf(value));
            default -> value instanceof Collection<?> c ? String.join("、", c.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
        };
        return shown.length() > MAX_VALUE ? shown.substring(0, MAX_VALUE) + "…" : shown;
    }

    private String instant(String iso) {
        try {
            return times.dateTime(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String idName(Map<Long, String> byId, Object value) {
        if (value instanceof Number n) {
            return byId.getOrDefault(n.longValue(), "#" + n);
        }
        return String.valueOf(value);
    }

    private String tags(String who, Collection<Object> added, Collection<Object> removed) {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add(text("ticket.event.tagsAdded", who, String.join("、", added.stream().map(String::valueOf).toList())));
        }
        if (!removed.isEmpty()) {
            parts.add(text("ticket.event.tagsRemoved", who, String.join("、", removed.stream().map(String::valueOf).toList())));
        }
        return String.join(text("ticket.event.separator"), parts);
    }

    private String label(String prefix, Object code) {
        return code == null ? text("common.none") : messages.getMessage(prefix + code, null, String.valueOf(code), locale);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
