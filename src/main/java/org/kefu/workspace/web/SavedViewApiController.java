package org.kefu.workspace.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.workspace.SavedView;
import org.kefu.workspace.SavingViews;
import org.kefu.workspace.ViewFilters;
import org.kefu.workspace.WorkViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/saved-views")
@Tag(name = "Saved views", description = "The caller's own named ticket filters, shown in the workspace sidebar")
class SavedViewApiController {

    private final SavingViews saving;
    private final WorkViews views;
    private final TransactionTemplate transactions;

    SavedViewApiController(SavingViews saving, WorkViews views, TransactionTemplate transactions) {
        this.saving = saving;
        this.views = views;
        this.transactions = transactions;
    }

    record SavedViewRequest(@Schema(description = "1–80 characters, unique per agent", example = "VIP 投诉") String name,
            @Schema(description = "all optional; assigneeId 0 = unassigned; text = full-text search (not with tierId)")
            ViewFilters filters) {
    }

    record SavedViewResponse(long id, String name, ViewFilters filters,
            @Schema(description = "matching tickets you may see, counted up to 999 (then countCapped is true)") long count,
            boolean countCapped, Instant createdAt, Instant updatedAt) {
    }

    @GetMapping
    @Operation(summary = "Your saved views, by name, with their (capped) counts")
    List<SavedViewResponse> list(Actor actor) {
        return transactions.execute(tx -> saving.mine(actor).stream().map(v -> response(v, actor)).toList());
    }

    @PostMapping
    @Operation(summary = "Save a view: a name and filters (status, priority, channel, tag, tier, complaint type, team, assignee, created range, text)")
    ResponseEntity<SavedViewResponse> create(@RequestBody SavedViewRequest body, Actor actor) {
        ViewFilters filters = body.filters() == null ? ViewFilters.NONE : body.filters();
        long id = transactions.execute(tx -> saving.create(body.name(), filters, actor).getId());
        return ResponseEntity.created(URI.create("/api/v1/saved-views/" + id)).body(get(id, actor));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your saved views; another agent's view answers 404")
    SavedViewResponse get(@PathVariable long id, Actor actor) {
        return transactions.execute(tx -> response(saving.get(id, actor), actor));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename and/or replace the filters; a field left out stays as it is")
    SavedViewResponse change(@PathVariable long id, @RequestBody SavedViewRequest body, Actor actor) {
        transactions.executeWithoutResult(tx -> saving.change(id, body.name(), body.filters(), actor));
        return get(id, actor);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of your saved views")
    void delete(@PathVariable long id, Actor actor) {
        transactions.executeWithoutResult(tx -> saving.delete(id, actor));
    }

    private SavedViewResponse response(SavedView view, Actor actor) {
        ViewFilters filters = view.getFilters();
        var count = views.count(views.filtered(filters), actor);
        return new SavedViewResponse(view.getId(), view.getName(), filters, count.value(), count.capped(),
                view.getCreatedAt(), view.getUpdatedAt());
    }
}
