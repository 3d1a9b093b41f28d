package org.kefu.ticket.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.search.SearchIndexJournal;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a rebuild of the search index from the database, one at a time, and tracks its progress
 * (entities indexed of the total Hibernate Search counted) for the API and the admin page.
 */
@Component
class SearchIndexRebuilds {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuilds.class);

    private final TicketSearch search;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SearchIndexJournal journal;
    private final boolean rebuildOutdated;
    private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress("IDLE", 0, 0, null, null, null));

    SearchIndexRebuilds(TicketSearch search, ApplicationEventPublisher events, Clock clock, SearchIndexJournal journal,
            @Value("${kefu.search.rebuild-outdated-index:true}") boolean rebuildOutdated) {
        this.search = search;
        this.events = events;
        this.clock = clock;
        this.journal = journal;
        this.rebuildOutdated = rebuildOutdated;
    }

    /** Where a rebuild stands: IDLE, RUNNING, DONE or FAILED; {@code percent} is 0–100. */
    record Progress(String state, long done, long total, Instant startedAt, Instant finishedAt, String error) {

        public int percent() {
            if ("DONE".equals(state)) {
                return 100;
            }
            if (total <= 0) {
                return 0;
            }
            return (int) Math.min(99, done * 100 / total);
        }

        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    Progress progress() {
        return progress.get();
    }

    synchronized Progress start(Actor actor) {
        if (progress.get().running()) {
            throw new ConflictException("A rebuild is already running.");
        }
        return run(() -> events.publishEvent(new TicketEvents.SearchIndexRebuildStarted(actor.id())));
    }

    /**
     * An index written by an older version lacks the text fields search reads now (subject and messages would not
     * be found), so it is rebuilt at once rather than waiting for an admin.
     */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void rebuildOutdatedIndex() {
        if (rebuildOutdated && !progress.get().running() && search.indexOutdated()) {
            log.warn("The ticket search index was written by an older version of Kefu (its subject and message fields): "
                    + "rebuilding it now. Until the rebuild is done, search finds only the tickets indexed again so far.");
            run(() -> { });
        }
    }

    private Progress run(Runnable announce) {
        Instant started = clock.instant();
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();
        progress.set(new Progress("RUNNING", 0, 0, started, null, null));
        MassIndexer indexer = search.rebuildIndexer().monitor(new MassIndexingMonitor() {
            @Override
            public void documentsAdded(long increment) {
                progress.set(new Progress("RUNNING", done.addAndGet(increment), total.get(), started, null, null));
            }

            @Override
            public void documentsBuilt(long increment) {
            }

            @Override
            public void entitiesLoaded(long increment) {
            }

            @Override
            public void addToTotalCount(long increment) {
                total.addAndGet(increment);
                progress.set(new Progress("RUNNING", done.get(), total.get(), started, null, null));
            }

            @Override
            public void indexingCompleted() {
            }
        });
        announce.run();
        indexer.start().whenComplete((ignored, error) -> {
            progress.set(new Progress(error == null ? "DONE" : "FAILED", done.get(), total.get(), started, clock.instant(),
                    error == null ? null : "The rebuild failed; see the server log."));
            // the rebuild may have read a ticket before a change that was indexed while it ran
            journal.indexAgainChangedSince(started, TicketSearch.REBUILT);
        });
        return progress.get();
    }
}
