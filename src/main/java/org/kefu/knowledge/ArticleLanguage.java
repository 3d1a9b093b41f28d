package org.kefu.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The languages an article can be written in; {@link #tag()} is the BCP 47 tag used in URLs and the database. */
public enum ArticleLanguage {
    ZH_CN("zh-CN"), ZH_TW("zh-TW"), EN("en");

    private final String tag;

    ArticleLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The exact tag ({@code zh-CN}, {@code zh-TW}, {@code en}), case-insensitive. */
    public static Optional<ArticleLanguage> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (ArticleLanguage l : values()) {
            if (l.tag.equalsIgnoreCase(tag.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The closest language for a locale: any English is EN, Traditional Chinese (TW, HK, MO, Hant) is ZH_TW, other Chinese ZH_CN. */
    public static Optional<ArticleLanguage> closest(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        String language = locale.getLanguage();
        if ("en".equals(language)) {
            return Optional.of(EN);
        }
        if ("zh".equals(language)) {
            String country = locale.getCountry();
            boolean traditional = "Hant".equalsIgnoreCase(locale.getScript())
                    || "TW".equals(country) || "HK".equals(country) || "MO".equals(country);
            return Optional.of(traditional ? ZH_TW : ZH_CN);
        }
        return Optional.empty();
    }
}
