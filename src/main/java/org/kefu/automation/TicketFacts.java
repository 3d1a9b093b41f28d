package org.kefu.automation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a template may say about a ticket, its customer and the agent, as plain values; turned into
 * the variable values of one language by {@link #values}.
 */
public record TicketFacts(String customerName, String customerLanguage, String number, String subject, String orderRef,
        String productRef, String demand, Instant demandDeadline, String agentName, Map<String, Object> customFields) {

    public TicketFacts {
        customFields = customFields == null ? Map.of() : java.util.Collections.unmodifiableMap(withoutNulls(customFields));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The variable values ({@code customer.name}, {@code ticket.demandDeadline}, ...) in a language, at a time. */
    public Map<String, String> values(TemplateLanguage language, ZoneId zone, Instant now) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("customer.name", customerName);
        v.put("ticket.number", number);
        v.put("ticket.subject", subject);
        v.put("ticket.order", orderRef);
        v.put("ticket.product", productRef);
        v.put("ticket.demand", demand);
        v.put("ticket.demandDeadline", demandDeadline == null ? null : dateTime(demandDeadline, language, zone));
        v.put("agent.name", agentName);
        LocalDate today = now.atZone(zone).toLocalDate();
        v.put("date.today", date(today, language));
        v.put("date.tomorrow", date(today.plusDays(1), language));
        customFields.forEach((key, value) -> v.put("custom." + key, text(value, language)));
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    static String dateTime(Instant at, TemplateLanguage language, ZoneId zone) {
        DateTimeFormatter f = language.chinese() ? DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA)
                : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
        return f.format(at.atZone(zone));
    }

    static String date(LocalDate day, TemplateLanguage language) {
        DateTimeFormatter f = language.chinese() ? DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA)
                : DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        return f.format(day);
    }

    private static String text(Object value, TemplateLanguage language) {
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).collect(Collectors.joining(language.chinese() ? "、" : ", "));
        }
        if (value instanceof Boolean b) {
            return switch (language) {
                case ZH_CN -> b ? "是" : "否";
                case ZH_TW -> b ? "是" : "否";
                case EN -> b ? "yes" : "no";
            };
        }
        return String.valueOf(value);
    }

    /** An example ticket for previews in the template editor. */
    public static TicketFacts sample(TemplateLanguage language, String agentName, Instant now) {
        return switch (language) {
            case EN -> new TicketFacts("Ms Chen", "en", "2026-000123", "Parcel arrived damaged", "ORD-20261201-88",
                    "Thermos cup 500 ml", "Replacement", now.plusSeconds(2 * 86400), agentName, Map.of());
            case ZH_TW -> new TicketFacts("陳小姐", "zh-TW", "2026-000123", "包裹送達時已損壞", "ORD-20261201-88",
                    "保溫杯 500ml", "換貨", now.plusSeconds(2 * 86400), agentName, Map.of());
            case ZH_CN -> new TicketFacts("陈女士", "zh-CN", "2026-000123", "包裹送达时已损坏", "ORD-20261201-88",
                    "保温杯 500ml", "换货", now.plusSeconds(2 * 86400), agentName, Map.of());
        };
    }
}
