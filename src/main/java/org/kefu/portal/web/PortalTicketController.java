package org.kefu.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.Slice;
import org.kefu.portal.PortalCustomer;
import org.kefu.platform.web.PublicUrl;
import org.kefu.portal.PortalSignIn;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.AttachmentDownload;
import org.kefu.ticket.ComplaintType;
import org.kefu.ticket.CustomerSelfService;
import org.kefu.ticket.NewAttachment;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TicketSettings;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TimelineEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The customer's tickets in the portal: submit one (the web-form channel, also without an
 * account), list their own, read the conversation, reply, reopen a resolved one, follow up a
 * closed one. Another customer's ticket is not found (404).
 */
@Controller
class PortalTicketController {

    static final int PAGE_SIZE = 20;

    private final CustomerSelfService selfService;
    private final TicketSettings settings;
    private final CustomerDirectory customers;
    private final PortalSignIn signIn;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final TicketAttachments attachments;
    private final FileLimits limits;
    private final PublicUrl publicUrl;

    PortalTicketController(CustomerSelfService selfService, TicketSettings settings, CustomerDirectory customers,
            PortalSignIn signIn, TransactionTemplate transactions, Clock clock,
            @Value("${kefu.time-zone:Asia/Shanghai}") String zone, TicketAttachments attachments, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.attachments = attachments;
        this.limits = FileLimits.of(attachments);
        this.selfService = selfService;
        this.settings = settings;
        this.customers = customers;
        this.signIn = signIn;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** A ticket as the customer sees it. */
    record TicketCard(long id, String number, String subject, TicketStatus status, Instant createdAt, Instant updatedAt,
            String complaintType, String orderRef, String productRef, String demand, Instant demandDeadline,
            boolean merged) {

        static TicketCard of(Ticket t) {
            return new TicketCard(t.getId(), t.getNumber(), t.getSubject(), t.getStatus(), t.getCreatedAt(), t.getUpdatedAt(),
                    t.getComplaintType(), t.getOrderRef(), t.getProductRef(), t.getDemand(), t.getDemandDeadline(),
                    t.getMergedIntoId() != null);
        }

        public boolean canReply() {
            return status != TicketStatus.CLOSED && !merged;
        }

        public boolean canReopen() {
            return status == TicketStatus.RESOLVED && !merged;
        }

        public boolean canFollowUp() {
            return status == TicketStatus.CLOSED;
        }
    }

    /** One message of the conversation: the customer's own or an agent's public reply, with its files. */
    record Message(boolean fromCustomer, String author, String body, Instant at, List<FileLink> files) {

        static Message of(TimelineEntry e, List<Attachment> files) {
            return new Message(e.getKind() == TimelineEntry.Kind.CUSTOMER_MESSAGE, e.getAuthor().name(), e.getBody(),
                    e.getCreatedAt(), files.stream().map(FileLink::of).toList());
        }
    }

    /** A file of a message, downloaded through the portal route of the ticket shown. */
    record FileLink(long id, String name, String size, String typeLabel) {

        static FileLink of(Attachment a) {
            return new FileLink(a.getId(), a.getFileName(), AttachmentDownload.readableSize(a.getSize()),
                    AttachmentDownload.typeLabel(a.getFileName()));
        }
    }

    @ModelAttribute("fileLimits")
    FileLimits fileLimits() {
        return limits;
    }

    @ModelAttribute("complaintTypes")
    Map<String, String> complaintTypes(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        settings.complaintTypes().stream().filter(ComplaintType::isActive)
                .forEach(t -> names.put(t.getCode(), localized(t, locale)));
        return names;
    }

    // ---- list and detail -----------------------------------------------------------------------

    @GetMapping("/portal/tickets")
    String list(@AuthenticationPrincipal PortalCustomer customer, @RequestParam(required = false) String cursor, Model model) {
        Slice<TicketCard> page = transactions.execute(tx ->
                selfService.tickets(customer.customerId(), cursor, PAGE_SIZE).map(TicketCard::of));
        model.addAttribute("page", page);
        model.addAttribute("navSection", "tickets");
        return "portal/tickets";
    }

    @GetMapping("/portal/tickets/{id}")
    String detail(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id, Model model) {
        show(customer, id, model);
        return "portal/ticket";
    }

    @PostMapping("/portal/tickets/{id}/reply")
    String reply(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String problem = body.isBlank() ? "portal.form.required" : body.length() > 200_000 ? "portal.form.tooLong" : null;
        String fileProblem = limits.problem(files);
        if (problem == null && fileProblem == null) {
            try {
                transactions.executeWithoutResult(tx ->
                        selfService.reply(id, customer.customerId(), body, FileLimits.toNew(files)));
                redirect.addFlashAttribute("flash", "portal.ticket.replied");
                return "redirect:/portal/tickets/" + id;
            } catch (ContentTooLargeException e) {
                fileProblem = "portal.form.attachments.tooLarge";
            }
        }
        show(customer, id, model);
        model.addAttribute("replyBody", body);
        model.addAttribute("replyError", problem);
        model.addAttribute("replyFilesError", fileProblem);
        model.addAttribute("chooseFilesAgain", !FileLimits.chosen(files).isEmpty());
        response.setStatus(fileProblem != null && problem == null && fileProblem.endsWith("tooLarge")
                ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "portal/ticket";
    }

    /** A file of the customer's own ticket, only on their messages and the agents' public replies; anything else 404. */
    @GetMapping("/portal/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id,
            @PathVariable long attachmentId) {
        Attachment attachment = transactions.execute(tx ->
                attachments.findForCustomer(id, customer.customerId(), attachmentId));
        return AttachmentDownload.of(attachment, attachments.content(attachment));
    }

    @PostMapping("/portal/tickets/{id}/reopen")
    String reopen(@AuthenticationPrincipal PortalCustomer customer, @PathVariable long id, RedirectAttributes redirect) {
        transactions.executeWithoutResult(tx -> selfService.reopen(id, customer.customerId()));
        redirect.addFlashAttribute("flash", "portal.ticket.reopened");
        return "redirect:/portal/tickets/" + id;
    }

    private void show(PortalCustomer customer, long id, Model model) {
        transactions.executeWithoutResult(tx -> {
            model.addAttribute("ticket", TicketCard.of(selfService.ticket(id, customer.customerId())));
            List<TimelineEntry> conversation = selfService.conversation(id, customer.customerId());
            Map<Long, List<Attachment>> files = attachments.byEntry(conversation);
            model.addAttribute("messages", conversation.stream()
                    .map(e -> Message.of(e, files.getOrDefault(e.getId(), List.of()))).toList());
        });
        model.addAttribute("navSection", "tickets");
    }

    // ---- submitting ----------------------------------------------------------------------------

    @GetMapping("/portal/tickets/new")
    String newTicket(@AuthenticationPrincipal PortalCustomer customer, @RequestParam(required = false) Long followUpOf,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String description,
            Model model) {
        TicketForm form = TicketForm.prefilled(subject, description);
        if (followUpOf != null) {
            TicketCard closed = transactions.execute(tx -> TicketCard.of(selfService.ticket(followUpOf, customer.customerId())));
            model.addAttribute("followUpNumber", closed.number());
            form = TicketForm.followUp(closed.id(), closed.subject());
        }
        model.addAttribute("form", form);
        model.addAttribute("navSection", "new");
        return "portal/new-ticket";
    }

    @PostMapping("/portal/tickets")
    String submit(@AuthenticationPrincipal PortalCustomer customer, @ModelAttribute("form") TicketForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments, Model model,
            HttpServletResponse response) {
        Map<String, String> problems = form.problems(false, activeTypes(), attachments, limits, zone, clock);
        if (!problems.isEmpty()) {
            return formAgain(form, problems, attachments, model, response, customer);
        }
        List<NewAttachment> files = FileLimits.toNew(attachments);
        try {
            Ticket ticket = transactions.execute(tx -> form.followUpOf() != null
                    ? selfService.followUp(form.followUpOf(), customer.customerId(), form.toNewTicket(zone), files)
                    : selfService.open(customer.customerId(), customer.name(), form.toNewTicket(zone), files));
            return "redirect:/portal/tickets/" + ticket.getId() + "?created";
        } catch (ContentTooLargeException e) {
            return formAgain(form, Map.of("attachments", "portal.form.attachments.tooLarge"), attachments, model, response,
                    customer);
        }
    }

    /** Without an account: the ticket is filed for the customer with this email (created if new), and a link to follow it is mailed. */
    @GetMapping("/portal/new")
    String anonymousForm(@AuthenticationPrincipal PortalCustomer customer, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String description, Model model) {
        if (customer != null) {
            return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/portal/tickets/new")
                    .queryParamIfPresent("subject", java.util.Optional.ofNullable(subject))
                    .queryParamIfPresent("description", java.util.Optional.ofNullable(description))
                    .encode().build().toUriString();
        }
        model.addAttribute("form", TicketForm.prefilled(subject, description));
        model.addAttribute("anonymous", true);
        return "portal/new-ticket";
    }

    @PostMapping("/portal/new")
    String anonymousSubmit(@AuthenticationPrincipal PortalCustomer customer, @ModelAttribute("form") TicketForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments, Model model,
            HttpServletResponse response, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        if (customer != null) {
            return submit(customer, new TicketForm(null, null, form.subject(), form.description(), form.complaintType(),
                    form.orderRef(), form.productRef(), form.demand(), form.demandDeadline(), null), attachments, model, response);
        }
        Map<String, String> problems = form.problems(true, activeTypes(), attachments, limits, zone, clock);
        if (problems.isEmpty() && !signIn.mayAcceptSubmission(form.email(), request.getRemoteAddr())) {
            problems = Map.of("email", "portal.form.tooMany");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("anonymous", true);
            return formAgain(form, problems, attachments, model, response, null);
        }
        String base = publicUrl.get();
        List<NewAttachment> files = FileLimits.toNew(attachments);
        try {
            transactions.executeWithoutResult(tx -> {
                Customer owner = customers.findOrCreateByEmail(form.email().strip(), form.name() == null ? null : form.name().strip());
                long ownerId = owner.getMergedIntoId() != null ? owner.getMergedIntoId() : owner.getId();
                Ticket ticket = selfService.open(ownerId, owner.getName(), form.toNewTicket(zone), files);
                signIn.confirmSubmission(ownerId, form.email(), ticket.getNumber(), base, locale);
            });
        } catch (ContentTooLargeException e) {
            model.addAttribute("anonymous", true);
            return formAgain(form, Map.of("attachments", "portal.form.attachments.tooLarge"), attachments, model, response,
                    null);
        }
        return "redirect:/portal/submitted";
    }

    @GetMapping("/portal/submitted")
    String submitted() {
        return "portal/submitted";
    }

    private String formAgain(TicketForm form, Map<String, String> problems, List<MultipartFile> attachments, Model model,
            HttpServletResponse response, PortalCustomer customer) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        // browsers cannot refill a file input: say so whenever files were chosen
        model.addAttribute("chooseFilesAgain", !FileLimits.chosen(attachments).isEmpty());
        if (customer != null && form.followUpOf() != null) {
            model.addAttribute("followUpNumber", transactions.execute(tx ->
                    selfService.ticket(form.followUpOf(), customer.customerId()).getNumber()));
        }
        model.addAttribute("navSection", "new");
        response.setStatus("portal.form.attachments.tooLarge".equals(problems.get("attachments")) && problems.size() == 1
                ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "portal/new-ticket";
    }

    private Set<String> activeTypes() {
        return settings.complaintTypes().stream().filter(ComplaintType::isActive).map(ComplaintType::getCode)
                .collect(Collectors.toSet());
    }

    static String localized(ComplaintType type, Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return type.getNameEn();
        }
        return "TW".equals(locale.getCountry()) ? type.getNameZhTw() : type.getNameZhCn();
    }
}
