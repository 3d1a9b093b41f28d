package org.kefu.platform.reference;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The node-local caches of reference data and what keeps them current (docs/architecture.md "Reference data cache").
 *
 * <p>Each kind has a row in {@code reference_version}. Every write of a kind's data calls {@link #changed}, which
 * raises the row's version in the writing transaction and evicts this node's copy after the commit, so the writing
 * node sees its change at once. A background refresher reads all versions in one query every
 * {@code kefu.reference.refresh-interval} and evicts kinds whose version moved: other nodes see a change within that
 * interval. Requests never ask for versions; only a miss reads its kind's version, before the data.
 */
@Component
public class ReferenceData implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final JdbcClient jdbc;
    private final Duration interval;
    private final Map<String, ReferenceCache<?>> caches = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService refresher;

    ReferenceData(JdbcClient jdbc, @Value("${kefu.reference.refresh-interval:PT2S}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** A cache for one kind; {@code loader} must return an immutable value and runs in the caller's transaction. */
    public <T> ReferenceCache<T> cache(String kind, Supplier<T> loader) {
        ReferenceCache<T> cache = new ReferenceCache<>(kind, loader, this);
        if (caches.putIfAbsent(kind, cache) != null) {
            throw new IllegalStateException("reference kind " + kind + " has a cache already");
        }
        return cache;
    }

    /**
     * Records that data of {@code kind} changes in the current transaction: raises its stored version (so other nodes
     * evict their copies), keeps this transaction from caching its uncommitted view, and evicts this node's copy after
     * the commit. Call it after the write: without a transaction the change is taken as committed already.
     */
    public void changed(String kind) {
        if (jdbc.sql("update reference_version set version = version + 1 where kind = ?").param(kind).update() == 0) {
            jdbc.sql("insert into reference_version (kind, version) values (?, 1)").param(kind).update();
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evict(kind);
            return;
        }
        Evictions evictions = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Evictions.class::isInstance).map(Evictions.class::cast).findFirst().orElse(null);
        if (evictions == null) {
            evictions = new Evictions();
            TransactionSynchronizationManager.registerSynchronization(evictions);
        }
        evictions.kinds.add(kind);
    }

    boolean changedInThisTransaction(String kind) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations().stream()
                        .anyMatch(s -> s instanceof Evictions e && e.kinds.contains(kind));
    }

    long storedVersion(String kind) {
        return jdbc.sql("select version from reference_version where kind = ?").param(kind).query(Long.class).optional()
                .orElse(0L);
    }

    /** Reads every stored version in one query and evicts the kinds cached at another version; returns those kinds. */
    public Set<String> refresh() {
        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("select kind, version from reference_version").query(rs -> {
            stored.put(rs.getString(1), rs.getLong(2));
        });
        Set<String> evicted = new LinkedHashSet<>();
        caches.forEach((kind, cache) -> {
            if (cache.evictUnless(stored.getOrDefault(kind, 0L))) {
                evicted.add(kind);
            }
        });
        if (!evicted.isEmpty()) {
            log.debug("Reference data changed elsewhere: {}", evicted);
        }
        return evicted;
    }

    private void evict(String kind) {
        ReferenceCache<?> cache = caches.get(kind);
        if (cache != null) {
            cache.evict();
        }
    }

    /** The kinds a transaction changed; evicted on this node once it commits. */
    private final class Evictions implements TransactionSynchronization {

        final Set<String> kinds = new LinkedHashSet<>();

        @Override
        public void afterCommit() {
            kinds.forEach(ReferenceData.this::evict);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("kefu-reference-refresh").factory());
        s.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        refresher = s;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next run tries again, and until then caches stay as they are
            log.warn("Reference data versions could not be read: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = refresher;
        refresher = null;
        if (s != null) {
            s.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
