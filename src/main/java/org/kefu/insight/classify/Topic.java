package org.kefu.insight.classify;

import java.util.Locale;

/** A complaint topic (问题主题) such as logistics 物流 or billing 账单, with its names in the desk's three languages. */
public record Topic(long id, String code, String nameZhCn, String nameZhTw, String nameEn, boolean active, int position) {

    public String name(Locale locale) {
        if (locale != null && locale.getLanguage().equals("en")) {
            return nameEn;
        }
        if (locale != null && locale.getLanguage().equals("zh")
                && ("TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry()) || "Hant".equals(locale.getScript()))) {
            return nameZhTw;
        }
        return nameZhCn;
    }
}
