package org.kefu.workspace.web;

import java.util.List;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.CustomerQuery;
import org.kefu.platform.Actor;
import org.kefu.platform.Slice;
import org.kefu.platform.search.SearchText;
import org.kefu.workspace.WorkRow;
import org.kefu.workspace.WorkViews;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The global search (the top-bar box): tickets ranked by relevance with highlighted fragments —
 * escaped customer text in which only {@code <mark>} is markup, built by TicketSearch — and
 * matching customers below.
 */
@Controller
class SearchPageController {

    static final int TICKETS = 25;
    static final int CUSTOMERS = 10;
    static final int MAX_QUERY = 200;

    private final WorkViews views;
    private final CustomerDirectory customers;
    /** Read-only: Hibernate keeps no snapshots of the loaded hits and has nothing to dirty-check at commit. */
    private final TransactionTemplate reads;

    SearchPageController(WorkViews views, CustomerDirectory customers, TransactionTemplate transactions) {
        this.views = views;
        this.customers = customers;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Actor actor,
            Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        model.addAttribute("navSection", "tickets");
        model.addAttribute("searchQuery", query);
        boolean searchable = !SearchText.clean(query).isEmpty();
        model.addAttribute("searchable", searchable);
        if (searchable) {
            String text = query;
            reads.executeWithoutResult(tx -> {
                Slice<WorkRow> tickets = views.search(text, cursor, TICKETS, actor);
                model.addAttribute("rows", tickets);
                model.addAttribute("searchList", true);
                model.addAttribute("moreUrl", tickets.nextCursor() == null ? null
                        : org.springframework.web.util.UriComponentsBuilder.fromPath("/search/rows").queryParam("q", text)
                                .queryParam("cursor", tickets.nextCursor()).encode().build().toUriString());
                List<CustomerCard> found = cursor != null ? List.of() : customers
                        .list(new CustomerQuery(text, null, null, null, null, null), null, CUSTOMERS)
                        .map(CustomerCard::brief).items();
                model.addAttribute("customers", found);
            });
        }
        return "workspace/search";
    }

    /** More ticket hits ("load more"). */
    @GetMapping("/search/rows")
    String more(@RequestParam String q, @RequestParam(required = false) String cursor, Actor actor, Model model) {
        String text = q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
        Slice<WorkRow> tickets = reads.execute(tx -> views.search(text, cursor, TICKETS, actor));
        model.addAttribute("rows", tickets);
        model.addAttribute("searchList", true);
        model.addAttribute("cursorGiven", true);
        model.addAttribute("moreUrl", tickets.nextCursor() == null ? null
                : org.springframework.web.util.UriComponentsBuilder.fromPath("/search/rows").queryParam("q", text)
                        .queryParam("cursor", tickets.nextCursor()).encode().build().toUriString());
        return "workspace/fragments :: rows";
    }
}
