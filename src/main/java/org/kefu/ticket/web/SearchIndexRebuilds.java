package org.kefu.ticket.web;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketSearch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs a rebuild of the search index from the database, one at a time, and tracks its progress
 * (entities indexed of the total Hibernate Search counted) for the API and the admin page.
 */
@Component
class SearchIndexRebuilds {

    private final TicketSearch search;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress("IDLE", 0, 0, null, null, null));

    SearchIndexRebuilds(TicketSearch search, ApplicationEventPublisher events, Clock clock) {
        this.search = search;
        this.events = events;
        this.clock = clock;
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
        events.publishEvent(new TicketEvents.SearchIndexRebuildStarted(actor.id()));
        indexer.start().whenComplete((ignored, error) -> progress.set(new Progress(error == null ? "DONE" : "FAILED",
                done.get(), total.get(), started, clock.instant(), error == null ? null : "The rebuild failed; see the server log.")));
        return progress.get();
    }
}
