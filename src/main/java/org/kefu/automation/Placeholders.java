package org.kefu.automation;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the agent sees where a template variable has no value: 【客户姓名?】 in Chinese, [customer name?]
 * in English. A reply to the customer that still holds one (or any "{{") is refused.
 */
public final class Placeholders {

    /** Marks that a template variable was left unfilled, as the renderer writes them. */
    static final Pattern UNRESOLVED = Pattern.compile("【[^【】\\n]{1,80}\\?】|\\[[^\\[\\]\\n]{1,80}\\?\\]");

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("customer.name", new String[] {"客户姓名", "客戶姓名", "customer name"}),
            Map.entry("ticket.number", new String[] {"工单号", "工單號", "ticket number"}),
            Map.entry("ticket.subject", new String[] {"工单主题", "工單主旨", "ticket subject"}),
            Map.entry("ticket.order", new String[] {"订单号", "訂單號", "order number"}),
            Map.entry("ticket.product", new String[] {"产品", "產品", "product"}),
            Map.entry("ticket.demand", new String[] {"客户诉求", "客戶訴求", "customer's demand"}),
            Map.entry("ticket.demandDeadline", new String[] {"诉求时效", "訴求時效", "demand deadline"}),
            Map.entry("agent.name", new String[] {"坐席姓名", "客服姓名", "agent name"}),
            Map.entry("date.today", new String[] {"今天日期", "今天日期", "today's date"}),
            Map.entry("date.tomorrow", new String[] {"明天日期", "明天日期", "tomorrow's date"}));

    private Placeholders() {
    }

    /** Whether a text still holds an unfilled placeholder or template braces. */
    public static boolean unresolved(String text) {
        return text != null && (text.contains("{{") || UNRESOLVED.matcher(text).find());
    }

    /** The first unfilled placeholder in a text, for messages; null if none. */
    public static String first(String text) {
        if (text == null) {
            return null;
        }
        var m = UNRESOLVED.matcher(text);
        if (m.find()) {
            return m.group();
        }
        return text.contains("{{") ? "{{" : null;
    }

    static boolean known(String variable) {
        return LABELS.containsKey(variable);
    }

    static java.util.Set<String> knownVariables() {
        return LABELS.keySet();
    }

    /** The placeholder for a variable without value, in the given language. */
    static String of(String variable, TemplateLanguage language) {
        return wrap(label(variable, language), language);
    }

    /** A placeholder for a malformed "{{" in the template text. */
    static String broken(TemplateLanguage language) {
        return wrap(switch (language) {
            case ZH_CN -> "变量格式有误";
            case ZH_TW -> "變數格式有誤";
            case EN -> "broken variable";
        }, language);
    }

    static String label(String variable, TemplateLanguage language) {
        String[] known = LABELS.get(variable);
        if (known != null) {
            return known[language.ordinal()];
        }
        if (variable.startsWith("ask.") && variable.length() > 4) {
            return clean(variable.substring(4));
        }
        if (variable.startsWith("custom.") && variable.length() > 7) {
            String key = clean(variable.substring(7));
            return switch (language) {
                case ZH_CN -> "自定义字段 " + key;
                case ZH_TW -> "自訂欄位 " + key;
                case EN -> "custom field " + key;
            };
        }
        return switch (language) {
            case ZH_CN -> "未知变量 " + clean(variable);
            case ZH_TW -> "未知變數 " + clean(variable);
            case EN -> "unknown variable " + clean(variable);
        };
    }

    private static String wrap(String label, TemplateLanguage language) {
        return language.chinese() ? "【" + label + "?】" : "[" + label + "?]";
    }

    /** A label never contains what would end the placeholder early or look like a variable. */
    private static String clean(String raw) {
        String s = raw.replaceAll("[【】\\[\\]{}\\n\\r?]", "").strip();
        if (s.isEmpty()) {
            s = "?";
        }
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
