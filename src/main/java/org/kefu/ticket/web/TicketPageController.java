package org.kefu.ticket.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.UnprocessableException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.web.Times;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.AttachmentDownload;
import org.kefu.ticket.CustomFieldDefinition;
import org.kefu.ticket.NewAttachment;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.IllegalTransitionException;
import org.kefu.ticket.LinkingTickets;
import org.kefu.ticket.MergingTickets;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketChanges;
import org.kefu.ticket.TicketSettings;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.web.TicketPageViews.CustomFieldInput;
import org.kefu.ticket.web.TicketPageViews.Properties;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ticket page: header, timeline, composer and properties panel. Each part is its own htmx
 * fragment, so live updates refresh the parts and never the composer the agent is typing in.
 * Every change goes through the same services as the REST API, with the same rules.
 */
@Controller
@RequestMapping("/tickets/{id}")
class TicketPageController {

    /** htmx event (HX-Trigger) after a change made on this page: header and timeline reload. */
    static final String CHANGED = "kefu-ticket-changed";
    static final List<TicketStatus> AFTER_SEND = List.of(TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_INTERNAL,
            TicketStatus.RESOLVED);

    private final TicketPageReader reader;
    private final TicketWork work;
    private final TicketSettings settings;
    private final MergingTickets merging;
    private final LinkingTickets linking;
    private final TransactionTemplate transactions;
    private final Validator validator;
    private final MessageSource messages;
    private final Times times;
    private final TicketAttachments attachments;

    TicketPageController(TicketPageReader reader, TicketWork work, TicketSettings settings, MergingTickets merging,
            LinkingTickets linking, TransactionTemplate transactions, Validator validator, MessageSource messages,
            Times times, TicketAttachments attachments) {
        this.attachments = attachments;
        this.reader = reader;
        this.work = work;
        this.settings = settings;
        this.merging = merging;
        this.linking = linking;
        this.transactions = transactions;
        this.validator = validator;
        this.messages = messages;
        this.times = times;
    }

    // ---- reading ------------------------------------------------------------------------------

    @GetMapping
    String page(@PathVariable long id, Actor actor, Locale locale, Model model) {
        var header = reader.header(id, actor);
        model.addAttribute("navSection", "tickets");
        model.addAttribute("header", header);
        model.addAttribute("ticketId", id);
        model.addAttribute("timeline", reader.timeline(id, null, actor, locale));
        model.addAttribute("props", reader.properties(id, actor, locale, null));
        model.addAttribute("customer", reader.customer(id, actor));
        model.addAttribute("afterSend", afterSend(header.status()));
        model.addAttribute("errors", Map.of());
        return "ticket/page";
    }

    @GetMapping("/header")
    String header(@PathVariable long id, Actor actor, Model model) {
        model.addAttribute("header", reader.header(id, actor));
        return "ticket/page :: ticketHeader";
    }

    @GetMapping("/timeline")
    String timeline(@PathVariable long id, @RequestParam(required = false) String before, Actor actor, Locale locale,
            Model model) {
        model.addAttribute("timeline", reader.timeline(id, before, actor, locale));
        return before == null ? "ticket/page :: ticketTimeline" : "ticket/page :: ticketEarlier";
    }

    @GetMapping("/props")
    String props(@PathVariable long id, Actor actor, Locale locale, Model model) {
        return props(id, actor, locale, model, Map.of(), null);
    }

    // ---- composer -----------------------------------------------------------------------------

    @PostMapping("/messages")
    String send(@PathVariable long id, @RequestParam(required = false) String body,
            @RequestParam(defaultValue = "reply") String mode, @RequestParam(required = false) String status,
            @RequestParam(required = false) List<MultipartFile> attachments, Actor actor, Locale locale, Model model,
            HttpServletResponse response) {
        boolean note = "note".equals(mode);
        List<MultipartFile> chosen = Uploads.chosen(attachments);
        String problem = filesProblem(chosen, locale);
        HttpStatus refused = HttpStatus.UNPROCESSABLE_CONTENT;
        if (problem != null) {
            refused = chosen.size() > this.attachments.maxCount() ? refused : HttpStatus.CONTENT_TOO_LARGE;
        } else if (body == null || body.isBlank()) {
            problem = text(locale, "ticket.composer.empty");
        } else {
            TicketStatus target = status == null || status.isBlank() ? null : parseStatus(status);
            List<NewAttachment> files = Uploads.toNew(chosen);
            try {
                // message, files and status change commit together, or nothing is written
                transactions.executeWithoutResult(tx -> {
                    if (note) {
                        work.addNote(id, body, actor, files);
                    } else {
                        work.postMessage(id, body, false, actor, files);
                    }
                    if (target != null) {
                        work.changeStatus(id, target, actor);
                    }
                });
            } catch (IllegalTransitionException e) {
                problem = transition(e, locale);
            } catch (ConflictException e) {
                problem = conflict(e, locale);
            } catch (InvalidRequestException e) {
                problem = e.getMessage();
            } catch (ContentTooLargeException e) {
                // announced smaller than it was: counted while storing
                problem = text(locale, "ticket.composer.fileTooLarge", e.properties().get("fileName"),
                        AttachmentDownload.readableSize(this.attachments.maxBytes()));
                refused = HttpStatus.CONTENT_TOO_LARGE;
            } catch (UnprocessableException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            response.setStatus(refused.value());
            model.addAttribute("problem", problem);
            return "ticket/page :: composerFeedback";
        }
        response.setHeader("HX-Trigger", CHANGED);
        model.addAttribute("sent", note ? "ticket.composer.noteAdded" : "ticket.composer.replySent");
        return "ticket/page :: composerFeedback";
    }

    /** Too many files or a file over the size limit, as a sentence for the composer; null if the files are fine. */
    private String filesProblem(List<MultipartFile> files, Locale locale) {
        if (files.size() > attachments.maxCount()) {
            return text(locale, "ticket.composer.tooManyFiles", attachments.maxCount(), files.size());
        }
        return files.stream().filter(f -> f.getSize() > attachments.maxBytes()).findFirst()
                .map(f -> text(locale, "ticket.composer.fileTooLarge", f.getOriginalFilename(),
                        AttachmentDownload.readableSize(attachments.maxBytes())))
                .orElse(null);
    }

    /** A file of this ticket (or of one merged into it), under the same rule as the API download. */
    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId, Actor actor) {
        Attachment attachment = transactions.execute(tx -> attachments.find(id, attachmentId, actor));
        return AttachmentDownload.of(attachment, attachments.content(attachment));
    }

    // ---- properties ---------------------------------------------------------------------------

    @PostMapping("/status")
    String status(@PathVariable long id, @RequestParam String status, Actor actor, Locale locale, Model model,
            HttpServletResponse response) {
        TicketStatus target = parseStatus(status);
        return change(id, actor, locale, model, response, "status", null,
                () -> transactions.executeWithoutResult(tx -> work.changeStatus(id, target, actor)));
    }

    @PostMapping("/priority")
    String priority(@PathVariable long id, @RequestParam String priority, Actor actor, Locale locale, Model model,
            HttpServletResponse response) {
        Priority p;
        try {
            p = Priority.valueOf(priority);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("priority", "must be one of " + Arrays.toString(Priority.values()));
        }
        return change(id, actor, locale, model, response, "priority", null,
                () -> update(id, new TicketChanges(null, p, null, null, null, null, null, null, null, null), actor));
    }

    @PostMapping("/assignment")
    String assign(@PathVariable long id, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) Long assigneeId, Actor actor,
            Locale locale, Model model, HttpServletResponse response) {
        String view = change(id, actor, locale, model, response, "assignment", null,
                () -> transactions.executeWithoutResult(tx -> work.assign(id, departmentId, teamId, assigneeId, actor)));
        return view;
    }

    @PostMapping("/tags")
    String addTags(@PathVariable long id, @RequestParam(defaultValue = "") String tags, Actor actor, Locale locale,
            Model model, HttpServletResponse response) {
        List<String> added = Arrays.stream(tags.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
        if (added.isEmpty()) {
            return props(id, actor, locale, model, Map.of("tags", text(locale, "ticket.tags.empty")), response);
        }
        return change(id, actor, locale, model, response, "tags", null,
                () -> transactions.executeWithoutResult(tx -> work.addTags(id, added, actor)));
    }

    @PostMapping("/tags/remove")
    String removeTag(@PathVariable long id, @RequestParam String tag, Actor actor, Locale locale, Model model,
            HttpServletResponse response) {
        return change(id, actor, locale, model, response, "tags", null,
                () -> transactions.executeWithoutResult(tx -> work.removeTag(id, tag, actor)));
    }

    @PostMapping("/details")
    String details(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Actor actor, Locale locale,
            Model model, HttpServletResponse response) {
        Properties current = reader.properties(id, actor, locale, null);
        List<String> clear = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String complaintType = changed(form, "complaintType", current.complaintType(), clear);
        String confirmedProblem = changed(form, "confirmedProblem", current.confirmedProblem(), clear);
        String demand = changed(form, "demand", current.demand(), clear);
        String productRef = changed(form, "productRef", current.productRef(), clear);
        String orderRef = changed(form, "orderRef", current.orderRef(), clear);
        java.time.Instant deadline = null;
        String deadlineText = form.getFirst("demandDeadline");
        if (deadlineText != null && deadlineText.strip().equals(current.demandDeadline())) {
            deadline = null; // unchanged (the form shows minutes; a stored deadline may have seconds)
        } else if (deadlineText != null && !deadlineText.isBlank()) {
            try {
                deadline = LocalDateTime.parse(deadlineText.strip()).atZone(times.zone()).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("demandDeadline", text(locale, "ticket.error.dateTime"));
            }
        } else if (deadlineText != null && current.demandDeadline() != null) {
            clear.add("demandDeadline");
        }
        if (!errors.isEmpty()) {
            return failed(id, actor, locale, model, response, errors, form);
        }
        TicketChanges changes = new TicketChanges(null, null, complaintType, confirmedProblem, demand, deadline,
                productRef, orderRef, null, clear);
        for (ConstraintViolation<TicketChanges> v : validator.validate(changes)) {
            errors.put(v.getPropertyPath().toString(), v.getMessage());
        }
        if (!errors.isEmpty()) {
            return failed(id, actor, locale, model, response, errors, form);
        }
        return change(id, actor, locale, model, response, "details", form, () -> update(id, changes, actor));
    }

    @PostMapping("/custom-fields")
    String customFields(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Actor actor,
            Locale locale, Model model, HttpServletResponse response) {
        Properties current = reader.properties(id, actor, locale, null);
        Map<String, CustomFieldDefinition> definitions = new LinkedHashMap<>();
        settings.customFields().forEach(d -> definitions.put(d.getKey(), d));
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (CustomFieldInput field : current.customFields()) {
            CustomFieldDefinition d = definitions.get(field.key());
            if (d == null || !d.isActive()) {
                continue;
            }
            List<String> given = form.getOrDefault("cf." + field.key(), List.of()).stream()
                    .filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
            Object value;
            try {
                value = customValue(d, given);
            } catch (IllegalArgumentException e) {
                errors.put("customFields." + d.getKey(), text(locale, e.getMessage()));
                continue;
            }
            if (!same(value, d, field)) {
                values.put(d.getKey(), value);
            }
        }
        if (!errors.isEmpty()) {
            return failed(id, actor, locale, model, response, errors, form);
        }
        if (values.isEmpty()) {
            return props(id, actor, locale, model, Map.of(), response);
        }
        return change(id, actor, locale, model, response, "customFields", form,
                () -> update(id, new TicketChanges(null, null, null, null, null, null, null, null, values, null), actor));
    }

    // ---- merge and link -------------------------------------------------------------------------

    @PostMapping("/merge")
    String merge(@PathVariable long id, @RequestParam(defaultValue = "") String into, Actor actor, Locale locale,
            Model model, HttpServletResponse response) {
        Long survivor = ticketOfNumber(into);
        if (survivor == null) {
            return props(id, actor, locale, model, Map.of("merge", text(locale, "ticket.error.noSuchTicket", into.strip())),
                    response);
        }
        String view = change(id, actor, locale, model, response, "merge", null,
                () -> transactions.executeWithoutResult(tx -> merging.merge(id, survivor, actor)));
        if (response.getStatus() < 300) {
            response.setHeader("HX-Refresh", "true");
        }
        return view;
    }

    @PostMapping("/links")
    String link(@PathVariable long id, @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "RELATED") LinkingTickets.Relation relation, Actor actor, Locale locale,
            Model model, HttpServletResponse response) {
        Long other = ticketOfNumber(number);
        if (other == null) {
            return props(id, actor, locale, model, Map.of("link", text(locale, "ticket.error.noSuchTicket", number.strip())),
                    response);
        }
        return change(id, actor, locale, model, response, "link", null,
                () -> transactions.executeWithoutResult(tx -> linking.link(id, other, relation, actor)));
    }

    @PostMapping("/links/{linkId}/delete")
    String unlink(@PathVariable long id, @PathVariable long linkId, Actor actor, Locale locale, Model model,
            HttpServletResponse response) {
        return change(id, actor, locale, model, response, "link", null,
                () -> transactions.executeWithoutResult(tx -> linking.unlink(id, linkId, actor)));
    }

    // ---- internals --------------------------------------------------------------------------------

    private void update(long id, TicketChanges changes, Actor actor) {
        transactions.executeWithoutResult(tx -> work.update(id, changes, actor));
    }

    /**
     * Runs a change and answers with the properties panel: on success with HX-Trigger so the other
     * parts reload; on a refused change with the message next to the field and the input kept.
     */
    private String change(long id, Actor actor, Locale locale, Model model, HttpServletResponse response, String section,
            MultiValueMap<String, String> form, Runnable action) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            action.run();
        } catch (IllegalTransitionException e) {
            errors.put(section, transition(e, locale));
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        } catch (ConflictException e) {
            errors.put(section, conflict(e, locale));
        }
        if (!errors.isEmpty()) {
            return failed(id, actor, locale, model, response, errors, form);
        }
        response.setHeader("HX-Trigger", CHANGED);
        try {
            return props(id, actor, locale, model, Map.of(), null);
        } catch (NotFoundException gone) {
            // e.g. transferred to a department the agent is not in: the ticket left their sight
            response.setHeader("HX-Redirect", "/tickets");
            return "ticket/page :: nothing";
        }
    }

    private String failed(long id, Actor actor, Locale locale, Model model, HttpServletResponse response,
            Map<String, String> errors, MultiValueMap<String, String> form) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("props", reader.properties(id, actor, locale, form));
        model.addAttribute("errors", errors);
        return "ticket/page :: ticketProps";
    }

    private String props(long id, Actor actor, Locale locale, Model model, Map<String, String> errors,
            HttpServletResponse response) {
        if (!errors.isEmpty() && response != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("props", reader.properties(id, actor, locale, null));
        model.addAttribute("errors", errors);
        return "ticket/page :: ticketProps";
    }

    private Long ticketOfNumber(String number) {
        String n = number == null ? "" : number.strip().replaceFirst("^#", "");
        return n.isEmpty() ? null : reader.idOfNumber(n);
    }

    private static String changed(MultiValueMap<String, String> form, String name, String current, List<String> clear) {
        if (!form.containsKey(name)) {
            return null;
        }
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            if (current != null) {
                clear.add(name);
            }
            return null;
        }
        return Objects.equals(value.strip(), current) ? null : value.strip();
    }

    /** The value to send for a custom field; the exception message is a message key. */
    private static Object customValue(CustomFieldDefinition d, List<String> given) {
        if (given.isEmpty()) {
            return null;
        }
        return switch (d.getType()) {
            case TEXT, SELECT -> given.getFirst();
            case NUMBER -> {
                try {
                    yield new BigDecimal(given.getFirst());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("ticket.error.number");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(given.getFirst()).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("ticket.error.date");
                }
            }
            case MULTI_SELECT -> List.copyOf(given);
        };
    }

    private static boolean same(Object value, CustomFieldDefinition d, CustomFieldInput stored) {
        if (value == null) {
            return stored.values().isEmpty();
        }
        if (value instanceof BigDecimal number) {
            try {
                return !stored.value().isEmpty() && new BigDecimal(stored.value()).compareTo(number) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (value instanceof List<?> list) {
            return new java.util.LinkedHashSet<>(list).equals(stored.values());
        }
        return value.equals(stored.value());
    }

    private static List<TicketStatus> afterSend(TicketStatus current) {
        TicketStatus effective = current == TicketStatus.NEW || current == TicketStatus.REOPENED ? TicketStatus.OPEN : current;
        return AFTER_SEND.stream().filter(s -> current.canMoveTo(s) || effective.canMoveTo(s)).toList();
    }

    private static TicketStatus parseStatus(String status) {
        try {
            return TicketStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("status", "must be one of " + Arrays.toString(TicketStatus.values()));
        }
    }

    private String transition(IllegalTransitionException e, Locale locale) {
        Map<String, Object> p = e.properties();
        @SuppressWarnings("unchecked")
        List<String> allowed = (List<String>) p.getOrDefault("allowedTransitions", List.of());
        String allowedText = allowed.isEmpty() ? text(locale, "ticket.error.transitionFinal")
                : String.join("、", allowed.stream().map(s -> text(locale, "status." + s)).toList());
        return text(locale, "ticket.error.transition", text(locale, "status." + p.get("currentStatus")),
                text(locale, "status." + p.get("requestedStatus")), allowedText);
    }

    /** The usual refusals in the agent's language; anything else as the service words it. */
    private String conflict(ConflictException e, Locale locale) {
        if (e.properties().containsKey("mergedIntoId")) {
            return text(locale, "ticket.error.merged");
        }
        if ("CLOSED".equals(e.properties().get("currentStatus"))) {
            return text(locale, "ticket.error.closed");
        }
        return e.getMessage();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
