package org.kefu.platform;

import org.springframework.web.util.HtmlUtils;

/** Escaping of untrusted text (customer words) before it is placed into HTML. */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String text) {
        return text == null ? null : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
