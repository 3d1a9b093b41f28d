package org.kefu.automation;

import java.util.Locale;
import org.kefu.platform.InvalidRequestException;

/** The languages a template body can be written in. */
public enum TemplateLanguage {
    ZH_CN("zh-CN"), ZH_TW("zh-TW"), EN("en");

    private final String tag;

    TemplateLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public boolean chinese() {
        return this != EN;
    }

    /** Leniently, from a stored or browser language tag (zh-HK and zh-Hant count as zh-TW); null if none fits. */
    public static TemplateLanguage of(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.startsWith("en")) {
            return EN;
        }
        if (t.equals("zh-tw") || t.equals("zh-hk") || t.equals("zh-mo") || t.startsWith("zh-hant")) {
            return ZH_TW;
        }
        return t.startsWith("zh") ? ZH_CN : null;
    }

    public static TemplateLanguage of(Locale locale) {
        TemplateLanguage l = locale == null ? null : of(locale.toLanguageTag());
        return l == null ? ZH_CN : l;
    }

    /** Strictly, from an API parameter. */
    public static TemplateLanguage parse(String field, String tag) {
        for (TemplateLanguage l : values()) {
            if (l.tag.equalsIgnoreCase(tag == null ? "" : tag.strip())) {
                return l;
            }
        }
        throw InvalidRequestException.of(field, "must be zh-CN, zh-TW or en");
    }
}
