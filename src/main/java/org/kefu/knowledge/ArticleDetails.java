package org.kefu.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kefu.platform.InvalidRequestException;

/** An article's settings apart from its text: category, internal-only, default language, tags. */
public record ArticleDetails(Long categoryId, boolean internal, ArticleLanguage defaultLanguage, List<String> tags) {

    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 100;

    public ArticleDetails {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        tags = cleanTags(tags);
    }

    static List<String> cleanTags(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags == null ? List.<String>of() : tags) {
            String one = t == null ? "" : t.strip();
            if (one.isEmpty()) {
                continue;
            }
            if (one.length() > MAX_TAG) {
                throw InvalidRequestException.of("tags", "each tag must be at most " + MAX_TAG + " characters");
            }
            out.add(one);
        }
        if (out.size() > MAX_TAGS) {
            throw InvalidRequestException.of("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(out);
    }
}
