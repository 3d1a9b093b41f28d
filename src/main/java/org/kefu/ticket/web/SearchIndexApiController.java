package org.kefu.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
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

    private final SearchIndexRebuilds rebuilds;

    SearchIndexApiController(SearchIndexRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Where a rebuild stands; {@code percent} is {@code done} of {@code total} entities, 100 once DONE. */
    record Progress(String state, long done, long total, int percent, Instant startedAt, Instant finishedAt, String error) {

        static Progress of(SearchIndexRebuilds.Progress p) {
            return new Progress(p.state(), p.done(), p.total(), p.percent(), p.startedAt(), p.finishedAt(), p.error());
        }
    }

    @GetMapping
    @Operation(summary = "Progress of the current or last rebuild (admin): state IDLE, RUNNING, DONE or FAILED, entities done of total, percent")
    Progress status(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return Progress.of(rebuilds.progress());
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the ticket and customer index from the database (admin); runs in the background")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Progress rebuild(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return Progress.of(rebuilds.start(actor));
    }
}
