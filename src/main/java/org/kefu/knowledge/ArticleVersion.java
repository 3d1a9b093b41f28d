package org.kefu.knowledge;

import java.time.Instant;

/** One saved state of a variant; {@code note} says e.g. that it restored an older version. */
public record ArticleVersion(long id, long variantId, int versionNo, VariantText text, long authorId, String authorName,
        String note, Instant createdAt) {
}
