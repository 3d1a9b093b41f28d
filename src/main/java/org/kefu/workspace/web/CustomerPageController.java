package org.kefu.workspace.web;

import java.util.List;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.CustomerQuery;
import org.kefu.platform.Actor;
import org.kefu.platform.Slice;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TicketQuery;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customer pages: the searchable list, the profile with every earlier ticket, and the compact
 * "Customer 360" panel that the ticket page loads with
 * {@code hx-get="/customers/{customerId}/panel?exclude={ticketId}"}. Tickets are listed through
 * {@link TicketFinder}, so only those the actor may see appear.
 */
@Controller
class CustomerPageController {

    static final int PAGE = 50;
    static final int PANEL_TICKETS = 10;

    private final CustomerDirectory customers;
    private final TicketFinder finder;
    private final TransactionTemplate transactions;

    CustomerPageController(CustomerDirectory customers, TicketFinder finder, TransactionTemplate transactions) {
        this.customers = customers;
        this.finder = finder;
        this.transactions = transactions;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        String query = q == null || q.isBlank() ? null : q.strip();
        Slice<CustomerCard> page = transactions.execute(tx -> customers
                .list(new CustomerQuery(query, null, null, null, null, null), cursor, PAGE).map(CustomerCard::brief));
        model.addAttribute("navSection", "customers");
        model.addAttribute("q", query);
        model.addAttribute("customers", page);
        model.addAttribute("nextUrl", page.nextCursor() == null ? null
                : org.springframework.web.util.UriComponentsBuilder.fromPath("/customers")
                        .queryParamIfPresent("q", java.util.Optional.ofNullable(query))
                        .queryParam("cursor", page.nextCursor()).encode().build().toUriString());
        return "customer/list";
    }

    @GetMapping("/customers/{id}")
    String profile(@PathVariable long id, @RequestParam(required = false) String cursor, Actor actor, Model model) {
        Customer merged = transactions.execute(tx -> customers.get(id));
        if (merged.getMergedIntoId() != null) {
            return "redirect:/customers/" + merged.getMergedIntoId();
        }
        transactions.executeWithoutResult(tx -> {
            model.addAttribute("customer", CustomerCard.of(customers.get(id)));
            Slice<CustomerCard.TicketLine> tickets = finder.list(forCustomer(id), TicketQuery.Sort.CREATED_DESC, cursor,
                    PAGE, actor).map(CustomerCard.TicketLine::of);
            model.addAttribute("tickets", tickets);
            model.addAttribute("nextUrl", tickets.nextCursor() == null ? null
                    : "/customers/" + id + "?cursor=" + tickets.nextCursor());
        });
        model.addAttribute("navSection", "customers");
        return "customer/profile";
    }

    /** The compact profile and earlier tickets (all but {@code exclude}), as an htmx fragment. */
    @GetMapping("/customers/{id}/panel")
    String panel(@PathVariable long id, @RequestParam(required = false) Long exclude, Actor actor, Model model) {
        transactions.executeWithoutResult(tx -> {
            model.addAttribute("customer", CustomerCard.of(customers.get(id)));
            Slice<CustomerCard.TicketLine> tickets = finder.list(forCustomer(id), TicketQuery.Sort.CREATED_DESC, null,
                    PANEL_TICKETS + 1, actor).map(CustomerCard.TicketLine::of);
            List<CustomerCard.TicketLine> earlier = tickets.items().stream()
                    .filter(t -> exclude == null || t.id() != exclude).limit(PANEL_TICKETS).toList();
            model.addAttribute("earlier", earlier);
            model.addAttribute("more", tickets.nextCursor() != null || tickets.items().size() > earlier.size() + (exclude == null ? 0 : 1));
        });
        return "customer/panel :: panel";
    }

    private static TicketQuery forCustomer(long customerId) {
        return new TicketQuery(null, null, null, null, null, null, customerId, null, null, null, null, null, null);
    }
}
