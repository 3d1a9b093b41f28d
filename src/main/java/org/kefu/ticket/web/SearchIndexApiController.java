package org.kefu.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.Role;
import org.kefu.ticket.TicketSearch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds the search index from the database, one run at a time, with progress. */
@RestController
@RequestMapping("/api/v1/admin/search-index")
@Tag(name = "Search index")
class SearchIndexApiController {

    private final TicketSearch search;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress("IDLE", 0, 0, null, null, null));

    SearchIndexApiController(TicketSearch search, ApplicationEventPublisher events, Clock clock) {
        this.search = search;
        this.events = events;
        this.clock = clock;
    }

    /** Where a rebuild stands. */
    record Progress(String state, long done, long total, Instant startedAt, Instant finishedAt, String error) {
    }

    @GetMapping
    @Operation(summary = "Progress of the current or last rebuild (admin)")
    Progress status(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return progress.get();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the ticket and customer index from the database (admin); runs in the background")
    @ResponseStatus(HttpStatus.ACCEPTED)
    synchronized Progress rebuild(Actor actor) {
        actor.requireRole(Role.ADMIN);
        if ("RUNNING".equals(progress.get().state())) {
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
            }

            @Override
            public void indexingCompleted() {
            }
        });
        events.publishEvent(new org.kefu.ticket.TicketEvents.SearchIndexRebuildStarted(actor.id()));
        indexer.start().whenComplete((ignored, error) -> progress.set(new Progress(error == null ? "DONE" : "FAILED",
                done.get(), total.get(), started, clock.instant(), error == null ? null : "The rebuild failed; see the server log.")));
        return progress.get();
    }
}
