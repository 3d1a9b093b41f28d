package org.kefu.automation;

import java.util.List;

/** A template filled in for one ticket: the text for the composer, which language, and what is still to fill. */
public record RenderedTemplate(long templateId, String templateName, TemplateLanguage language, String text, String html,
        List<String> missing) {

    public boolean complete() {
        return missing.isEmpty();
    }
}
