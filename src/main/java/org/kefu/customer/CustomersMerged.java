package org.kefu.customer;

/** Two customer records were found to be one person; everything of {@code mergedId} now belongs to {@code survivorId}. */
public record CustomersMerged(long mergedId, long survivorId, long actorId) {
}
