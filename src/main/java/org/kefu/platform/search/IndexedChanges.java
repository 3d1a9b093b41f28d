package org.kefu.platform.search;

import java.util.Map;

/**
 * A module's indexed entities and how to find those that changed since a time, so that the search index journal can
 * index them again after a crash or a failed hand-over (docs/adr/0010). Each condition is JPQL on the entity alias
 * {@code e} with the parameter {@code :since} (an {@link java.time.Instant}), and must catch every change that alters
 * the entity's document, including those of the entities embedded in it.
 */
public interface IndexedChanges {

    Map<Class<?>, String> changedSince();
}
