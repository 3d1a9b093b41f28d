package org.kefu.channel.phone.web;

import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kefu.channel.phone.CallDirection;
import org.kefu.channel.phone.CallOutcome;
import org.kefu.channel.phone.LoggingCalls;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerPhone;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.ticket.TicketWork;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Phone pages: the calls panel of the ticket page ({@code hx-get="/tickets/{id}/calls"}) with a
 * form to log one, and the caller page {@code /phone}: type the number, see who it is (the
 * customer 360 panel) and open a ticket from the call.
 */
@Controller
class PhonePageController {

    private final LoggingCalls calls;
    private final TicketWork work;
    private final TransactionTemplate transactions;
    private final Validator validator;
    private final Clock clock;

    PhonePageController(LoggingCalls calls, TicketWork work, TransactionTemplate transactions, Validator validator,
            Clock clock) {
        this.calls = calls;
        this.work = work;
        this.transactions = transactions;
        this.validator = validator;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("directions", CallDirection.values());
        model.addAttribute("outcomes", CallOutcome.values());
    }

    @GetMapping("/tickets/{id}/calls")
    String panel(@PathVariable long id, Actor actor, Model model) {
        String number = transactions.execute(tx -> work.get(id, actor).getCustomer().getPhones().stream()
                .map(CustomerPhone::getPhone).findFirst().orElse(""));
        return panel(id, CallForm.empty(number), Map.of(), actor, model);
    }

    @GetMapping("/tickets/{id}/calls/list")
    String list(@PathVariable long id, Actor actor, Model model) {
        model.addAttribute("ticketId", id);
        model.addAttribute("calls", calls.onTicket(id, actor).stream().map(PhoneCallView::of).toList());
        return "channel/ticket-calls :: list";
    }

    @PostMapping("/tickets/{id}/calls")
    String log(@PathVariable long id, CallForm form, Actor actor, Model model) {
        CallForm.Checked checked = form.check(validator, clock);
        if (!checked.problems().isEmpty()) {
            return panel(id, form, checked.problems(), actor, model);
        }
        try {
            calls.log(id, checked.call(), actor);
        } catch (InvalidRequestException e) {
            return panel(id, form, problems(e), actor, model);
        }
        model.addAttribute("logged", true);
        return panel(id, CallForm.empty(form.number()), Map.of(), actor, model);
    }

    private String panel(long id, CallForm form, Map<String, String> problems, Actor actor, Model model) {
        model.addAttribute("ticketId", id);
        model.addAttribute("calls", calls.onTicket(id, actor).stream().map(PhoneCallView::of).toList());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "channel/ticket-calls :: panel";
    }

    @GetMapping("/phone")
    String page(@RequestParam(required = false) String number, Model model) {
        model.addAttribute("navSection", "tickets");
        model.addAttribute("form", CallForm.empty(number == null ? "" : number));
        model.addAttribute("problems", Map.of());
        return "channel/phone";
    }

    @GetMapping("/phone/lookup")
    String lookup(@RequestParam(required = false) String number, Model model) {
        String clean = number == null ? "" : number.strip();
        boolean typed = clean.replaceAll("[^0-9]", "").length() >= 3 && clean.length() <= 40;
        List<Customer> found = typed ? calls.whoIs(clean) : List.of();
        model.addAttribute("number", typed ? clean : "");
        model.addAttribute("callers", found.stream().map(c -> new Caller(c.getId(), c.getName(),
                c.getPhones().stream().map(CustomerPhone::getPhone).toList())).toList());
        return "channel/phone :: caller";
    }

    /** A customer the number belongs to. */
    record Caller(long id, String name, List<String> phones) {
    }

    @PostMapping("/phone/tickets")
    String openTicket(CallForm form, @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) String customerName, @RequestParam(required = false) String subject,
            Actor actor, Model model) {
        CallForm.Checked checked = form.check(validator, clock);
        Map<String, String> problems = checked.problems();
        if (problems.isEmpty()) {
            try {
                LoggingCalls.OpenedFromCall opened = calls.openTicket(checked.call(), customerId, customerName, subject,
                        form.notes(), actor);
                return "redirect:/tickets/" + opened.ticket().getId();
            } catch (InvalidRequestException e) {
                problems = problems(e);
            }
        }
        model.addAttribute("navSection", "tickets");
        model.addAttribute("form", form);
        model.addAttribute("subject", subject);
        model.addAttribute("customerName", customerName);
        model.addAttribute("problems", problems);
        return "channel/phone";
    }

    private static Map<String, String> problems(InvalidRequestException e) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        e.problems().forEach(p -> map.putIfAbsent(p.field(), p.message()));
        return map;
    }
}
