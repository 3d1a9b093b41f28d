package org.kefu.bot;

import java.util.Locale;

/** The three languages the bot speaks: zh-CN, zh-TW and en, picked from a browser or customer language tag. */
public enum BotLanguage {
    ZH_CN("zh-CN"), ZH_TW("zh-TW"), EN("en");

    private final String tag;

    BotLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** zh-TW for zh-TW, zh-HK, zh-MO and zh-Hant; zh-CN for other Chinese; English for anything else; null gives zh-CN. */
    public static BotLanguage of(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return ZH_CN;
        }
        String tag = languageTag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
            return tag.matches("^zh-(tw|hk|mo|hant).*") ? ZH_TW : ZH_CN;
        }
        return EN;
    }

    public static BotLanguage of(Locale locale) {
        return locale == null ? ZH_CN : of(locale.toLanguageTag());
    }
}
