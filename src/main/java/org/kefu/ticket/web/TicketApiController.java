package org.kefu.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.kefu.platform.idempotency.IdempotentRequests;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.AttachmentDownload;
import org.kefu.ticket.Author;
import org.kefu.ticket.LinkingTickets;
import org.kefu.ticket.MergingTickets;
import org.kefu.ticket.NewTicket;
import org.kefu.ticket.Priority;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TicketChanges;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TicketIntake;
import org.kefu.ticket.TicketQuery;
import org.kefu.ticket.TicketSearch;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.TimelineEntry;
import org.kefu.ticket.web.TicketViews.EntryView;
import org.kefu.ticket.web.TicketViews.LinkView;
import org.kefu.ticket.web.TicketViews.TicketSummary;
import org.kefu.ticket.web.TicketViews.TicketView;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketApiController {

    private final TicketIntake intake;
    private final TicketWork work;
    private final TicketFinder finder;
    private final TicketSearch search;
    private final MergingTickets merging;
    private final LinkingTickets linking;
    private final IdempotentRequests idempotent;
    private final TransactionTemplate transactions;
    /** For pure reads: Hibernate keeps no snapshots of what it loads and has nothing to dirty-check at commit. */
    private final TransactionTemplate reads;
    private final TicketAttachments attachments;

    TicketApiController(TicketIntake intake, TicketWork work, TicketFinder finder, TicketSearch search,
            MergingTickets merging, LinkingTickets linking, IdempotentRequests idempotent, TransactionTemplate transactions,
            TicketAttachments attachments) {
        this.intake = intake;
        this.work = work;
        this.finder = finder;
        this.search = search;
        this.merging = merging;
        this.linking = linking;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "List tickets you may see; filter, sort and page by cursor. With q: full-text search ranked by relevance")
    Slice<TicketSummary> list(@RequestParam(required = false) List<TicketStatus> status,
            @RequestParam(required = false) List<Priority> priority,
            @Parameter(description = "agent id; 0 for unassigned") @RequestParam(required = false) Long assigneeId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) Instant updatedFrom, @RequestParam(required = false) Instant updatedTo,
            @RequestParam(required = false) String q,
            @Parameter(description = "-updatedAt (default), updatedAt, -createdAt, createdAt, demandDeadline (only tickets with a demand deadline, earliest first), slaNextDueAt (最早到期: earliest running SLA due time first, tickets without one last)") @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit, Actor actor) {
        TicketQuery query = new TicketQuery(status, priority, assigneeId, teamId, departmentId, tag, customerId, channel,
                createdFrom, createdTo, updatedFrom, updatedTo, q);
        int size = PageLimit.of(limit);
        return reads.execute(tx -> {
            if (q != null && !q.isBlank()) {
                return search.search(query, cursor, size, actor).map(h -> TicketSummary.of(h.ticket(), h.highlights()));
            }
            return finder.list(query, TicketQuery.Sort.parse(sort), cursor, size, actor).map(t -> TicketSummary.of(t, null));
        });
    }

    @PostMapping
    @Operation(summary = "Open a ticket. Send an Idempotency-Key header to make retries safe")
    ResponseEntity<TicketView> create(@Valid @RequestBody NewTicket body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey, Actor actor) {
        // The response is built from the new ticket inside its own transaction (no second read); it is
        // the caller's own result even if the ticket went to a department the caller cannot see. The
        // customer's words are the description as the ticket keeps it (stripped). A replay reads back.
        var outcome = idempotent.execute(actor.id(), idempotencyKey, "ticket", body,
                () -> TicketView.of(intake.open(body, Author.of(actor)), body.description().strip()), TicketView::id,
                this::readBack);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + outcome.value().id()))
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.value());
    }

    @GetMapping("/{id}")
    TicketView get(@PathVariable long id, Actor actor) {
        return view(id, actor);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change fields; null leaves a field, 'clear' empties named fields")
    TicketView update(@PathVariable long id, @Valid @RequestBody TicketChanges body, Actor actor) {
        transactions.executeWithoutResult(tx -> work.update(id, body, actor));
        return view(id, actor);
    }

    record StatusRequest(@NotNull TicketStatus status) {
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Move the ticket to another status; an illegal move answers 409 with the allowed ones")
    TicketView status(@PathVariable long id, @Valid @RequestBody StatusRequest body, Actor actor) {
        transactions.executeWithoutResult(tx -> work.changeStatus(id, body.status(), actor));
        return view(id, actor);
    }

    record AssignmentRequest(Long departmentId, Long teamId, Long assigneeId) {
    }

    @PutMapping("/{id}/assignment")
    @Operation(summary = "Set department (null keeps it), team and assignee (null clears them)")
    TicketView assign(@PathVariable long id, @RequestBody AssignmentRequest body, Actor actor) {
        transactions.executeWithoutResult(tx -> work.assign(id, body.departmentId(), body.teamId(), body.assigneeId(), actor));
        return readBack(id);
    }

    record TagsRequest(@NotNull @Size(max = 50) List<String> tags) {
    }

    @PutMapping("/{id}/tags")
    @Operation(summary = "Replace the ticket's tags")
    TicketView replaceTags(@PathVariable long id, @Valid @RequestBody TagsRequest body, Actor actor) {
        transactions.executeWithoutResult(tx -> work.replaceTags(id, body.tags(), actor));
        return view(id, actor);
    }

    @PostMapping("/{id}/tags")
    @Operation(summary = "Add tags to the ticket")
    TicketView addTags(@PathVariable long id, @Valid @RequestBody TagsRequest body, Actor actor) {
        transactions.executeWithoutResult(tx -> work.addTags(id, body.tags(), actor));
        return view(id, actor);
    }

    @DeleteMapping("/{id}/tags/{tag}")
    TicketView removeTag(@PathVariable long id, @PathVariable String tag, Actor actor) {
        transactions.executeWithoutResult(tx -> work.removeTag(id, tag, actor));
        return view(id, actor);
    }

    record MessageRequest(@NotBlank @Size(max = 200_000) String body, Author.Type author) {
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Add a reply (author AGENT, the default) or record a customer message (author CUSTOMER)."
            + " Send an Idempotency-Key header to make retries safe")
    ResponseEntity<EntryView> postMessage(@PathVariable long id, @Valid @RequestBody MessageRequest body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey, Actor actor) {
        if (body.author() == Author.Type.SYSTEM) {
            throw org.kefu.platform.InvalidRequestException.of("author", "must be AGENT or CUSTOMER");
        }
        boolean fromCustomer = body.author() == Author.Type.CUSTOMER;
        var outcome = idempotent.execute(actor.id(), idempotencyKey, "message:" + id, body,
                () -> work.postMessage(id, body.body(), fromCustomer, actor).getId(), entryId -> entry(id, entryId, actor));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.value());
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a reply or record a customer message, with files (multipart/form-data: body, author or"
            + " fromCustomer, and one 'attachments' part per file). A file over the size limit answers 413 naming it,"
            + " too many files 422; then nothing is written. Send an Idempotency-Key header to make retries safe")
    ResponseEntity<EntryView> postMessageWithFiles(@PathVariable long id,
            @Parameter(description = "the message text") @RequestParam(required = false) String body,
            @Parameter(description = "AGENT (default) or CUSTOMER") @RequestParam(required = false) Author.Type author,
            @Parameter(description = "true records a customer message; same as author=CUSTOMER")
            @RequestParam(required = false) Boolean fromCustomer,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey, Actor actor) {
        String text = requireBody(body);
        if (author == Author.Type.SYSTEM) {
            throw org.kefu.platform.InvalidRequestException.of("author", "must be AGENT or CUSTOMER");
        }
        if (author != null && fromCustomer != null && fromCustomer != (author == Author.Type.CUSTOMER)) {
            throw org.kefu.platform.InvalidRequestException.of("fromCustomer", "contradicts author " + author);
        }
        boolean customer = Boolean.TRUE.equals(fromCustomer) || author == Author.Type.CUSTOMER;
        List<MultipartFile> chosen = Uploads.chosen(files);
        Object fingerprint = idempotencyKey == null ? null
                : new MessageWithFiles(text, customer ? Author.Type.CUSTOMER : Author.Type.AGENT, Uploads.fingerprints(chosen));
        var outcome = idempotent.execute(actor.id(), idempotencyKey, "message:" + id, fingerprint,
                () -> work.postMessage(id, text, customer, actor, Uploads.toNew(chosen)).getId(),
                entryId -> entry(id, entryId, actor));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.value());
    }

    /** What an Idempotency-Key of a multipart message stands for: its text, author and files (by content). */
    record MessageWithFiles(String body, Author.Type author, List<Uploads.Fingerprint> files) {
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "Customer messages and replies, oldest first")
    Slice<EntryView> messages(@PathVariable long id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor) {
        return timeline(id, List.of(TimelineEntry.Kind.CUSTOMER_MESSAGE, TimelineEntry.Kind.REPLY), cursor, limit, actor);
    }

    record NoteRequest(@NotBlank @Size(max = 200_000) String body) {
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add an internal note (never shown to the customer)")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView addNote(@PathVariable long id, @Valid @RequestBody NoteRequest body, Actor actor) {
        long entryId = transactions.execute(tx -> work.addNote(id, body.body(), actor).getId());
        return entry(id, entryId, actor);
    }

    @PostMapping(path = "/{id}/notes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add an internal note with files (multipart/form-data: body, and one 'attachments' part per file)")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView addNoteWithFiles(@PathVariable long id, @RequestParam(required = false) String body,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files, Actor actor) {
        String text = requireBody(body);
        List<MultipartFile> chosen = Uploads.chosen(files);
        long entryId = transactions.execute(tx -> work.addNote(id, text, actor, Uploads.toNew(chosen)).getId());
        return entry(id, entryId, actor);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download a file of a message or note. Always as a download (Content-Disposition: attachment),"
            + " never shown inline; 404 unless you may see the ticket")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId, Actor actor) {
        Attachment attachment = transactions.execute(tx -> attachments.find(id, attachmentId, actor));
        return AttachmentDownload.of(attachment, attachments.content(attachment));
    }

    @GetMapping("/{id}/notes")
    Slice<EntryView> notes(@PathVariable long id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor) {
        return timeline(id, List.of(TimelineEntry.Kind.NOTE), cursor, limit, actor);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Everything on the ticket, oldest first, including tickets merged into it")
    Slice<EntryView> timeline(@PathVariable long id, @RequestParam(required = false) List<TimelineEntry.Kind> kind,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit, Actor actor) {
        int size = PageLimit.of(limit);
        return transactions.execute(tx -> views(id, finder.timeline(id, kind == null ? List.of() : kind, cursor, size, actor)));
    }

    /** Entries with their files: one query for the files of the whole page. */
    private Slice<EntryView> views(long viewedTicketId, Slice<TimelineEntry> page) {
        Map<Long, List<Attachment>> files = attachments.byEntry(page.items());
        return page.map(e -> EntryView.of(e, files.getOrDefault(e.getId(), List.of()), viewedTicketId));
    }

    private static String requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw org.kefu.platform.InvalidRequestException.of("body", "must not be blank");
        }
        if (body.length() > 200_000) {
            throw org.kefu.platform.InvalidRequestException.of("body", "size must be between 0 and 200000");
        }
        return body;
    }

    record MergeRequest(@NotNull Long duplicateId) {
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge the duplicate ticket into this one; the duplicate closes and points here")
    TicketView merge(@PathVariable long id, @Valid @RequestBody MergeRequest body, Actor actor) {
        transactions.executeWithoutResult(tx -> merging.merge(body.duplicateId(), id, actor));
        return view(id, actor);
    }

    record LinkRequest(@NotNull Long ticketId, @NotNull LinkingTickets.Relation relation) {
    }

    @GetMapping("/{id}/links")
    List<LinkView> links(@PathVariable long id, Actor actor) {
        return transactions.execute(tx -> linking.links(id, actor).stream().map(LinkView::of).toList());
    }

    @PostMapping("/{id}/links")
    @Operation(summary = "Link another ticket as RELATED, or as this ticket's PARENT or CHILD")
    @ResponseStatus(HttpStatus.CREATED)
    LinkView link(@PathVariable long id, @Valid @RequestBody LinkRequest body, Actor actor) {
        return transactions.execute(tx -> LinkView.of(linking.link(id, body.ticketId(), body.relation(), actor)));
    }

    @DeleteMapping("/{id}/links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable long id, @PathVariable long linkId, Actor actor) {
        transactions.executeWithoutResult(tx -> linking.unlink(id, linkId, actor));
    }

    private TicketView view(long id, Actor actor) {
        return transactions.execute(tx -> {
            Ticket ticket = work.get(id, actor);
            return TicketView.of(ticket, finder.customerWords(id));
        });
    }

    /** The result of the caller's own create or transfer, even when it moved out of the caller's view. */
    private TicketView readBack(long id) {
        return transactions.execute(tx -> TicketView.of(work.readBack(id), finder.customerWords(id)));
    }

    private EntryView entry(long ticketId, long entryId, Actor actor) {
        return transactions.execute(tx -> {
            work.get(ticketId, actor);
            return views(ticketId, finder.timeline(ticketId, List.of(),
                    new org.kefu.platform.Cursor("id", null, entryId - 1).encode(), 1, actor))
                    .items().stream().findFirst()
                    .orElseThrow(() -> new org.kefu.platform.NotFoundException("Timeline entry", entryId));
        });
    }
}
