package org.kefu.workspace.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.AgentName;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.kefu.platform.web.Times;
import org.kefu.sla.SlaDueTimes;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketQuery;
import org.kefu.ticket.TicketSettings;
import org.kefu.ticket.TicketStatus;
import org.kefu.workspace.BuiltInView;
import org.kefu.workspace.SavedView;
import org.kefu.workspace.SavingViews;
import org.kefu.workspace.WorkList;
import org.kefu.workspace.WorkRow;
import org.kefu.workspace.WorkViews;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workspace home: the views sidebar with counts and the ticket list with filters, sorting and "load more". */
@Controller
class TicketListController {

    static final int PAGE = 50;

    private final WorkViews views;
    private final SavingViews saving;
    private final AgentDirectory agents;
    private final CustomerDirectory customers;
    private final TicketSettings settings;
    private final Times times;
    private final SlaDueTimes slaDue;
    /** Read-only: Hibernate keeps no snapshots of the loaded rows and has nothing to dirty-check at commit. */
    private final TransactionTemplate reads;

    TicketListController(WorkViews views, SavingViews saving, AgentDirectory agents, CustomerDirectory customers,
            TicketSettings settings, Times times, SlaDueTimes slaDue, TransactionTemplate transactions) {
        this.views = views;
        this.saving = saving;
        this.agents = agents;
        this.customers = customers;
        this.settings = settings;
        this.times = times;
        this.slaDue = slaDue;
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
    }

    /** The next SLA due time of each listed ticket, in one query for the page. */
    private java.util.Map<Long, SlaDueTimes.NextDue> slaDue(Slice<WorkRow> rows) {
        return slaDue.forTickets(rows.items().stream().map(WorkRow::id).toList());
    }

    /** What the request selects: the list, its state for URLs, and the saved view if one is open. */
    record Selection(ListState state, WorkList list, SavedView saved, String current) {
    }

    @GetMapping("/tickets")
    String page(@RequestParam(required = false) String view, @RequestParam(required = false) Long saved,
            @RequestParam(required = false) String sort, @RequestParam(required = false) List<TicketStatus> status,
            @RequestParam(required = false) List<Priority> priority, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Long tier,
            @RequestParam(required = false) String complaintType, @RequestParam(required = false) Long team,
            @RequestParam(required = false) Long assignee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) String text, Actor actor, Model model) {
        ListState state = new ListState(view, saved, sort, status, priority, channel, tag, tier, complaintType, team,
                assignee, createdFrom, createdTo, text);
        // one read-only transaction for everything the page reads: one connection, no dirty checking at commit,
        // and the agent list read once for the row names and the filter options
        return reads.execute(tx -> {
            Selection selection = select(state, actor);
            TicketQuery.Sort order = sort(selection);
            List<AgentName> allAgents = agents.names();
            Slice<WorkRow> rows = views.page(selection.list(), order, null, PAGE, actor, WorkViews.names(allAgents));
            model.addAttribute("navSection", "tickets");
            model.addAttribute("selection", selection);
            model.addAttribute("state", selection.state());
            model.addAttribute("sort", order == null ? "" : order.key());
            model.addAttribute("searchList", selection.list().isSearch());
            model.addAttribute("rows", rows);
            model.addAttribute("slaDue", slaDue(rows));
            model.addAttribute("rowsUrl", selection.state().url("/workspace/rows"));
            model.addAttribute("moreUrl", rows.nextCursor() == null ? null
                    : selection.state().url("/workspace/rows", rows.nextCursor()));
            model.addAttribute("viewsUrl", viewsUrl(selection));
            model.addAttribute("sortLinks", sortLinks(selection.state()));
            model.addAttribute("viewList", sidebar(selection, actor, false));
            model.addAttribute("viewTitle", title(selection));
            options(model, allAgents);
            return "workspace/tickets";
        });
    }

    /** The rows of one page (htmx: "load more" appends them, live updates replace the first page). */
    @GetMapping("/workspace/rows")
    String rows(@RequestParam(required = false) String view, @RequestParam(required = false) Long saved,
            @RequestParam(required = false) String sort, @RequestParam(required = false) List<TicketStatus> status,
            @RequestParam(required = false) List<Priority> priority, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Long tier,
            @RequestParam(required = false) String complaintType, @RequestParam(required = false) Long team,
            @RequestParam(required = false) Long assignee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) String text, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor, Model model) {
        ListState state = new ListState(view, saved, sort, status, priority, channel, tag, tier, complaintType, team,
                assignee, createdFrom, createdTo, text);
        int size = limit == null ? PAGE : PageLimit.of(limit);
        return reads.execute(tx -> {
            Selection selection = select(state, actor);
            Slice<WorkRow> rows = views.page(selection.list(), sort(selection), cursor, size, actor);
            model.addAttribute("rows", rows);
            model.addAttribute("slaDue", slaDue(rows));
            model.addAttribute("cursorGiven", cursor != null);
            model.addAttribute("searchList", selection.list().isSearch());
            model.addAttribute("moreUrl", rows.nextCursor() == null ? null
                    : selection.state().url("/workspace/rows", rows.nextCursor()));
            return "workspace/fragments :: rows";
        });
    }

    /** The sidebar with every view's count; loaded after the page and again when tickets change. */
    @GetMapping("/workspace/views")
    String sidebarCounts(@RequestParam(required = false) String view, @RequestParam(required = false) Long saved,
            Actor actor, Model model) {
        ListState state = new ListState(saved == null && view == null ? "filter" : view, saved, null, null, null, null,
                null, null, null, null, null, null, null, null);
        String current = saved != null ? "saved-" + saved : state.view();
        model.addAttribute("viewList", reads.execute(tx -> sidebar(new Selection(state, null, null, current), actor, true)));
        return "workspace/fragments :: views";
    }

    Selection select(ListState state, Actor actor) {
        if (state.saved() != null) {
            SavedView saved = saving.get(state.saved(), actor);
            ListState filled = ListState.ofFilters(saved.getFilters(), saved.getId(), state.sort(), times.zone());
            return new Selection(filled, views.filtered(saved.getFilters()), saved, "saved-" + saved.getId());
        }
        if (state.hasFilters()) {
            ListState filterState = new ListState(null, null, state.sort(), state.status(), state.priority(),
                    state.channel(), state.tag(), state.tier(), state.complaintType(), state.team(), state.assignee(),
                    state.createdFrom(), state.createdTo(), state.text());
            return new Selection(filterState, views.filtered(filterState.filters(times.zone())), null, "filter");
        }
        BuiltInView builtIn = state.view() == null ? BuiltInView.MINE
                : BuiltInView.byKey(state.view()).orElseThrow(() -> new NotFoundException("View", state.view()));
        ListState viewState = new ListState(builtIn.key(), null, state.sort(), null, null, null, null, null, null, null,
                null, null, null, null);
        return new Selection(viewState, views.builtIn(builtIn, actor), null, builtIn.key());
    }

    private static TicketQuery.Sort sort(Selection selection) {
        if (selection.list().isSearch()) {
            return null;
        }
        return selection.state().sort() == null ? selection.list().defaultSort() : TicketQuery.Sort.parse(selection.state().sort());
    }

    private static String viewsUrl(Selection selection) {
        if (selection.saved() != null) {
            return "/workspace/views?saved=" + selection.saved().getId();
        }
        return "/workspace/views?view=" + selection.current();
    }

    /** For each sortable column: the link that sorts by it (toggling direction) and its aria-sort state. */
    record SortLink(String href, String ariaSort) {
    }

    private static java.util.Map<String, SortLink> sortLinks(ListState state) {
        String current = state.sort() == null ? "-updatedAt" : state.sort();
        java.util.Map<String, SortLink> links = new java.util.HashMap<>();
        links.put("updated", link(state, current, "-updatedAt", "updatedAt"));
        links.put("created", link(state, current, "-createdAt", "createdAt"));
        links.put("due", link(state, current, "demandDeadline", "demandDeadline"));
        links.put("slaDue", link(state, current, "slaNextDueAt", "slaNextDueAt"));
        return links;
    }

    private static SortLink link(ListState state, String current, String first, String second) {
        String aria = current.equals(first) || current.equals(second)
                ? (current.startsWith("-") ? "descending" : "ascending") : null;
        String next = current.equals(first) ? second : first;
        return new SortLink(state.withSort(next).url("/tickets"), aria);
    }

    /** One entry of the views sidebar. {@code label} is a message key for built-in views, a name for saved ones. */
    record SidebarEntry(String key, String label, boolean builtIn, String href, boolean current, String count, Long savedId) {
    }

    record Sidebar(List<SidebarEntry> builtIn, List<SidebarEntry> saved) {
    }

    private Sidebar sidebar(Selection selection, Actor actor, boolean withCounts) {
        List<SidebarEntry> builtIn = new ArrayList<>();
        for (BuiltInView view : BuiltInView.values()) {
            String count = withCounts ? views.count(views.builtIn(view, actor), actor).label() : null;
            builtIn.add(new SidebarEntry(view.key(), "workspace.view." + view.key(), true, "/tickets?view=" + view.key(),
                    view.key().equals(selection.current()), count, null));
        }
        List<SidebarEntry> saved = new ArrayList<>();
        for (SavedView view : saving.mine(actor)) {
            String count = withCounts ? views.count(views.filtered(view.getFilters()), actor).label() : null;
            saved.add(new SidebarEntry("saved-" + view.getId(), view.getName(), false, "/tickets?saved=" + view.getId(),
                    ("saved-" + view.getId()).equals(selection.current()), count, view.getId()));
        }
        return new Sidebar(builtIn, saved);
    }

    private static String title(Selection selection) {
        return selection.saved() != null ? selection.saved().getName() : null;
    }

    private void options(Model model, List<AgentName> allAgents) {
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("agents", allAgents.stream().filter(AgentName::active)
                .map(a -> new Option(a.id(), a.displayName())).toList());
        model.addAttribute("teams", agents.teams().stream().map(t -> new Option(t.getId(), t.getName())).toList());
        model.addAttribute("tiers", customers.tiers().stream().map(t -> new Option(t.getId(), t.getName())).toList());
        model.addAttribute("complaintTypes", settings.complaintTypes().stream().filter(c -> c.isActive())
                .map(c -> new CodeOption(c.getCode(), c.getNameZhCn(), c.getNameZhTw(), c.getNameEn())).toList());
    }

    record Option(long id, String name) {
    }

    record CodeOption(String code, String zhCn, String zhTw, String en) {

        public String name(java.util.Locale locale) {
            if ("en".equals(locale.getLanguage())) {
                return en;
            }
            return "TW".equals(locale.getCountry()) || "Hant".equals(locale.getScript()) ? zhTw : zhCn;
        }
    }
}
