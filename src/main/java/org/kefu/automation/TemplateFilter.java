package org.kefu.automation;

/**
 * What a template list shows: words in name, shortcut or category ({@code q}), only the agent's own
 * ({@code mine}) or only shared ones ({@code shared}), one category, one language written.
 */
public record TemplateFilter(String q, Boolean mine, String category, TemplateLanguage language) {

    public static TemplateFilter all() {
        return new TemplateFilter(null, null, null, null);
    }
}
