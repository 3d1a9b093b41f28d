package org.kefu.platform.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes background indexing durable without writing anything per change (docs/adr/0010). Every few seconds it waits
 * for the changes handed to the index so far, commits the index and records in a checkpoint file next to it that
 * every change made before (then - margin) is on disk. A clean stop records that too. When the desk starts after a
 * crash, or when a hand-over failed, it indexes again, in the background, every entity changed since the checkpoint
 * (each module says how to find them: {@link IndexedChanges}).
 */
@Component
public class SearchIndexJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexJournal.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    private static final int BATCH = 200;

    private final BackgroundIndexing indexing;
    private final EntityManagerFactory entityManagerFactory;
    private final List<IndexedChanges> modules;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration interval;
    private final Duration margin;
    private final Path file;

    private volatile ScheduledExecutorService executor;
    private volatile Instant written;
    /** Set while changes since this time still have to be indexed again (after a crash): the checkpoint stays there. */
    private volatile Instant pending;
    private volatile Instant lastRepairAttempt = Instant.EPOCH;
    private volatile boolean running;

    SearchIndexJournal(BackgroundIndexing indexing, EntityManagerFactory entityManagerFactory, List<IndexedChanges> modules,
            JdbcClient jdbc, Clock clock, MeterRegistry meters,
            @Value("${kefu.search.journal.interval:PT10S}") Duration interval,
            @Value("${kefu.search.journal.margin:PT5M}") Duration margin,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.root}") Path indexRoot) {
        this.indexing = indexing;
        this.entityManagerFactory = entityManagerFactory;
        this.modules = modules;
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
        this.margin = margin;
        this.file = indexRoot.resolve(IndexCheckpoint.FILE_NAME);
        Gauge.builder("kefu.search.index.in.flight", indexing, BackgroundIndexing::inFlightCount)
                .description("Committed changes handed to the search index and not yet written to it").register(meters);
        Gauge.builder("kefu.search.index.failures", indexing, BackgroundIndexing::failedCount)
                .description("Hand-overs to the search index that failed since the start (indexed again later)")
                .register(meters);
        Gauge.builder("kefu.search.index.checkpoint.age.seconds", this,
                        journal -> journal.written == null ? 0 : Duration.between(journal.written, clock.instant()).toSeconds())
                .description("How old the search index checkpoint is: changes since then are not yet known to be on disk")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (!indexing.installed()) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kefu-search-journal").daemon()
                .factory());
        Optional<Instant> catchUpFrom = catchUpFrom();
        pending = catchUpFrom.orElse(null);
        write(new IndexCheckpoint(IndexCheckpoint.State.RUNNING, catchUpFrom.orElse(clock.instant().minus(margin))));
        executor.execute(this::indexOutboxLeftovers);
        catchUpFrom.ifPresent(since -> executor.execute(() -> recover(since)));
        executor.scheduleWithFixedDelay(this::checkpointQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops after the web server (a lower phase stops later), so that the last requests' changes are in the index. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        // no interrupts: an interrupted statement makes H2 close the whole database; a catch-up stops between batches
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The search index journal did not finish its work within 30 s; the next start indexes again "
                        + "what changed since {}", written);
                return;
            }
            boolean complete = pending == null && indexing.oldestFailure().isEmpty();
            Instant now = clock.instant();
            flushAfterHandOvers(Duration.ofSeconds(30));
            write(complete ? new IndexCheckpoint(IndexCheckpoint.State.CLEAN, now)
                    : new IndexCheckpoint(IndexCheckpoint.State.RUNNING, through(now)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | TimeoutException e) {
            log.warn("Could not record a clean stop of the search index; the next start indexes again what changed "
                    + "since {}", written, e);
        }
    }

    /**
     * Indexes again, in the background, the entities of {@code types} changed since {@code since} (minus the margin):
     * after an index rebuild of those types, whose loads may be older than the changes indexed while it ran.
     */
    public void indexAgainChangedSince(Instant since, Collection<Class<?>> types) {
        ScheduledExecutorService current = executor;
        if (running && current != null) {
            current.execute(() -> {
                try {
                    reindexChangedSince(since.minus(margin), types::contains);
                } catch (RuntimeException e) {
                    log.error("Indexing again what changed since {} failed", since, e);
                }
            });
        }
    }

    /** True while what changed since a crash is still being indexed again. */
    boolean catchingUp() {
        return pending != null;
    }

    /** The time to index again from when the last run did not stop cleanly; empty after a clean stop or on a new index. */
    private Optional<Instant> catchUpFrom() {
        if (!Files.exists(file)) {
            log.info("No search index checkpoint at {}: a new index, or one kept by the outbox (nothing to index again)",
                    file);
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Optional<IndexCheckpoint> checkpoint = IndexCheckpoint.parse(text);
            if (checkpoint.isEmpty()) {
                Instant modified = Files.getLastModifiedTime(file).toInstant().minus(margin).minus(interval);
                log.warn("The search index checkpoint {} cannot be read; indexing again what changed since {}", file,
                        modified);
                return Optional.of(modified);
            }
            if (checkpoint.get().state() == IndexCheckpoint.State.CLEAN) {
                return Optional.empty();
            }
            log.warn("The desk did not stop cleanly: indexing again, in the background, what changed since {}",
                    checkpoint.get().indexedThrough());
            return Optional.of(checkpoint.get().indexedThrough());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index checkpoint " + file, e);
        }
    }

    private void recover(Instant since) {
        lastRepairAttempt = clock.instant();
        try {
            long documents = reindexChangedSince(since);
            pending = null;
            log.info("Indexed again what changed since {}: {} entities", since, documents);
        } catch (RuntimeException e) {
            log.error("Indexing again what changed since {} failed; retrying at the next checkpoint", since, e);
        }
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (TimeoutException e) {
            log.warn("Changes handed to the search index are still being written after {}; the checkpoint stays at {}",
                    interval, written);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The search index checkpoint failed; it stays at {}", written, e);
        }
    }

    void checkpoint() throws InterruptedException, TimeoutException {
        Instant now = clock.instant();
        boolean mayRetry = Duration.between(lastRepairAttempt, now).compareTo(RETRY_AFTER_FAILURE) >= 0;
        Instant since = pending;
        if (since != null && mayRetry) {
            recover(since);
        }
        Optional<Instant> failure = indexing.oldestFailure();
        if (failure.isPresent() && mayRetry) {
            lastRepairAttempt = now;
            try {
                reindexChangedSince(failure.get().minus(margin));
                indexing.repairedUntil(now);
                log.info("Indexed again what changed since the failed hand-over at {}", failure.get());
            } catch (RuntimeException e) {
                log.error("Indexing again what changed since the failed hand-over at {} failed; retrying in {}",
                        failure.get(), RETRY_AFTER_FAILURE, e);
            }
        }
        flushAfterHandOvers(interval.multipliedBy(3));
        Instant through = through(now);
        if (written == null || through.isAfter(written)) {
            write(new IndexCheckpoint(IndexCheckpoint.State.RUNNING, through));
        }
    }

    /** Every change made before this is on disk once the hand-overs submitted before {@code now} are flushed. */
    private Instant through(Instant now) {
        return Stream.of(Optional.of(now.minus(margin)), Optional.ofNullable(pending),
                        indexing.oldestFailure().map(failure -> failure.minus(margin)))
                .flatMap(Optional::stream).min(Comparator.naturalOrder()).orElseThrow();
    }

    private void flushAfterHandOvers(Duration patience) throws InterruptedException, TimeoutException {
        try {
            indexing.inFlightNow().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            // the failure is on the books (BackgroundIndexing) and holds the checkpoint back
        }
        mapping().scope(Object.class).workspace().flush();
    }

    /** Indexes again every entity changed since {@code since}; answers how many. */
    private long reindexChangedSince(Instant since) {
        return reindexChangedSince(since, type -> true);
    }

    private long reindexChangedSince(Instant since, Predicate<Class<?>> among) {
        Map<Class<?>, String> conditions = new LinkedHashMap<>();
        modules.forEach(module -> conditions.putAll(module.changedSince()));
        long count = 0;
        for (Map.Entry<Class<?>, String> type : conditions.entrySet()) {
            if (among.test(type.getKey())) {
                count += reindex(type.getKey(), type.getValue(), Map.of("since", since));
            }
        }
        return count;
    }

    /**
     * Indexes again the entities of {@code type} that match {@code condition}, a batch per transaction, waiting for
     * each batch's index commit. (The mass indexer would add a second document next to the one already there.)
     */
    private long reindex(Class<?> type, String condition, Map<String, Object> parameters) {
        String entity = entityManagerFactory.getMetamodel().entity(type).getName();
        long count = 0;
        Object after = null;
        while (true) {
            if (!running) {
                throw new IllegalStateException("The desk is stopping: indexing again stops here, the next start goes on");
            }
            EntityManager em = entityManagerFactory.createEntityManager();
            try {
                em.getTransaction().begin();
                var ids = em.createQuery("select e.id from " + entity + " e where (" + condition + ")"
                        + (after == null ? "" : " and e.id > :after") + " order by e.id", Object.class)
                        .setMaxResults(BATCH);
                parameters.forEach(ids::setParameter);
                if (after != null) {
                    ids.setParameter("after", after);
                }
                List<Object> batch = ids.getResultList();
                if (batch.isEmpty()) {
                    em.getTransaction().commit();
                    return count;
                }
                SearchSession search = Search.session(em);
                search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.writeSync());
                em.createQuery("select e from " + entity + " e where e.id in (:ids)", type).setParameter("ids", batch)
                        .getResultList().forEach(search.indexingPlan()::addOrUpdate);
                em.getTransaction().commit();
                count += batch.size();
                after = batch.get(batch.size() - 1);
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
    }

    /** Changes the outbox (ADR 0007) recorded but had not indexed when the desk last ran with it. */
    private void indexOutboxLeftovers() {
        try {
            long indexed = 0;
            List<Leftover> leftovers;
            while (!(leftovers = jdbc.sql("select id, entity_name, entity_id from hsearch_outbox_event order by id "
                    + "fetch first 1000 rows only").query((rs, n) -> new Leftover(rs.getObject(1), rs.getString(2),
                    rs.getString(3))).list()).isEmpty()) {
                Map<Class<?>, Set<Long>> ids = new LinkedHashMap<>();
                for (Leftover leftover : leftovers) {
                    Class<?> type = mapping().indexedEntity(leftover.entityName()).javaClass();
                    ids.computeIfAbsent(type, t -> new HashSet<>()).add(Long.valueOf(leftover.entityId()));
                }
                ids.forEach((type, some) -> {
                    List<Long> all = List.copyOf(some);
                    for (int from = 0; from < all.size(); from += BATCH) {
                        reindex(type, "e.id in (:ids)", Map.of("ids", all.subList(from, Math.min(all.size(), from + BATCH))));
                    }
                });
                jdbc.sql("delete from hsearch_outbox_event where id in (:ids)")
                        .param("ids", leftovers.stream().map(Leftover::id).toList()).update();
                indexed += leftovers.size();
            }
            if (indexed > 0) {
                log.info("Indexed {} changes left in the outbox by an earlier version", indexed);
            }
        } catch (RuntimeException e) {
            log.error("Indexing the changes left in the outbox failed; they stay there for the next start", e);
        }
    }

    private SearchMapping mapping() {
        return Search.mapping(entityManagerFactory);
    }

    private void write(IndexCheckpoint checkpoint) {
        checkpoint.writeTo(file);
        written = checkpoint.indexedThrough();
    }

    private record Leftover(Object id, String entityName, String entityId) {
    }
}
