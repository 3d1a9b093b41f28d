package org.kefu.automation.web;

import java.util.Locale;
import org.kefu.automation.ReplyTemplate;
import org.kefu.automation.TemplateLanguage;

/** A template as a line in the picker or a suggestion: name, shortcut, category, a short look at its text. */
record PickerItem(long id, String name, String shortcut, String category, String personal, String snippet) {

    static PickerItem of(ReplyTemplate t, Locale locale) {
        String body = t.body(t.variantFor(TemplateLanguage.of(locale))).replaceAll("\\s+", " ").strip();
        return new PickerItem(t.id(), t.displayName(locale), t.shortcut(), t.category(),
                t.scope().name(), body.length() > 80 ? body.substring(0, 80) + "…" : body);
    }
}
