package org.kefu.platform.web;

import java.util.List;
import java.util.Locale;

/** The three languages of the UI: 简体中文 (the default), 繁體中文 and English. */
public final class SupportedLocales {

    public static final Locale SIMPLIFIED = Locale.forLanguageTag("zh-CN");
    public static final Locale TRADITIONAL = Locale.forLanguageTag("zh-TW");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(SIMPLIFIED, TRADITIONAL, ENGLISH);

    private SupportedLocales() {
    }

    /** The supported locale closest to the given one; Hong Kong, Macau and "Hant" count as Traditional. */
    public static Locale match(Locale locale) {
        if (locale == null) {
            return SIMPLIFIED;
        }
        String language = locale.getLanguage();
        if ("en".equals(language)) {
            return ENGLISH;
        }
        if ("zh".equals(language)) {
            String country = locale.getCountry();
            if ("Hant".equals(locale.getScript()) || "TW".equals(country) || "HK".equals(country) || "MO".equals(country)) {
                return TRADITIONAL;
            }
            return SIMPLIFIED;
        }
        return null;
    }

    /** Parses a tag such as {@code zh-TW}, {@code zh_TW} or {@code en}; unknown tags give null. */
    public static Locale parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return match(Locale.forLanguageTag(tag.strip().replace('_', '-')));
    }

    public static String tag(Locale locale) {
        return locale.toLanguageTag();
    }
}
