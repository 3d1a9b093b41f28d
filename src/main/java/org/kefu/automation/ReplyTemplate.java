package org.kefu.automation;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** A stored reply template: its names, shortcut, category, sharing and body per language. */
public record ReplyTemplate(long id, String name, String nameZhTw, String nameEn, String shortcut, String category,
        Sharing sharing, Map<TemplateLanguage, String> bodies, long usageCount, long version) {

    public ReplyTemplate {
        EnumMap<TemplateLanguage, String> copy = new EnumMap<>(TemplateLanguage.class);
        bodies.forEach((l, b) -> {
            if (b != null && !b.isBlank()) {
                copy.put(l, b);
            }
        });
        bodies = java.util.Collections.unmodifiableMap(copy);
    }

    /** The name in the agent's language, else the main name. */
    public String displayName(Locale locale) {
        return switch (TemplateLanguage.of(locale)) {
            case ZH_TW -> nameZhTw != null && !nameZhTw.isBlank() ? nameZhTw : name;
            case EN -> nameEn != null && !nameEn.isBlank() ? nameEn : name;
            case ZH_CN -> name;
        };
    }

    /** The language to reply in: the wanted one if written, else Simplified Chinese, else whatever exists. */
    public TemplateLanguage variantFor(TemplateLanguage wanted) {
        if (wanted != null && bodies.containsKey(wanted)) {
            return wanted;
        }
        if (bodies.containsKey(TemplateLanguage.ZH_CN)) {
            return TemplateLanguage.ZH_CN;
        }
        return bodies.keySet().stream().findFirst().orElse(TemplateLanguage.ZH_CN);
    }

    public String body(TemplateLanguage language) {
        return bodies.getOrDefault(language, "");
    }

    public TemplateScope scope() {
        return sharing.scope();
    }
}
