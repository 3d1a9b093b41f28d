package org.kefu.platform.reference;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One kind of reference data, cached on this node as an immutable value (records, unmodifiable lists; never managed
 * entities). A hit takes no database connection. A miss loads in the caller's transaction, outside any lock: concurrent
 * misses each load, and the first to finish keeps its value unless the kind was evicted meanwhile.
 */
public final class ReferenceCache<T> {

    /** {@code generation} rises with every eviction, so a load that started before one is not kept. */
    private record State<T>(long generation, boolean loaded, T value, long version) {
    }

    private final String kind;
    private final Supplier<T> loader;
    private final ReferenceData data;
    private final AtomicReference<State<T>> state = new AtomicReference<>(new State<>(0, false, null, 0));

    ReferenceCache(String kind, Supplier<T> loader, ReferenceData data) {
        this.kind = kind;
        this.loader = loader;
        this.data = data;
    }

    public String kind() {
        return kind;
    }

    /** The current value: from this node's cache, or loaded now. */
    public T get() {
        State<T> seen = state.get();
        if (seen.loaded()) {
            return seen.value();
        }
        if (data.changedInThisTransaction(kind)) {
            return loader.get(); // this transaction's own uncommitted change: never cached
        }
        // The version is read before the data: a change committed in between leaves an older version next to newer
        // data, which the refresher evicts once more; the other order could keep old data under a new version forever.
        long version = data.storedVersion(kind);
        T value = loader.get();
        state.compareAndSet(seen, new State<>(seen.generation(), true, value, version));
        return value;
    }

    /** Records a change of this kind in the current transaction (see {@link ReferenceData#changed}). */
    public void changed() {
        data.changed(kind);
    }

    void evict() {
        state.updateAndGet(s -> new State<>(s.generation() + 1, false, null, 0));
    }

    /** Evicts the value if it was loaded at another version than the stored one; true if it did. */
    boolean evictUnless(long storedVersion) {
        while (true) {
            State<T> s = state.get();
            if (!s.loaded() || s.version() == storedVersion) {
                return false;
            }
            if (state.compareAndSet(s, new State<>(s.generation() + 1, false, null, 0))) {
                return true;
            }
        }
    }
}
