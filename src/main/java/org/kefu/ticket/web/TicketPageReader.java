package org.kefu.ticket.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.AgentName;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerEmail;
import org.kefu.customer.CustomerPhone;
import org.kefu.platform.Actor;
import org.kefu.platform.Slice;
import org.kefu.platform.web.Times;
import org.kefu.ticket.Attachment;
import org.kefu.ticket.ComplaintType;
import org.kefu.ticket.CustomFieldDefinition;
import org.kefu.ticket.LinkingTickets;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketAttachments;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TicketLink;
import org.kefu.ticket.TicketSettings;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.Tickets;
import org.kefu.ticket.TimelineEntry;
import org.kefu.ticket.web.TicketPageViews.CustomFieldInput;
import org.kefu.ticket.web.TicketPageViews.CustomerFallback;
import org.kefu.ticket.web.TicketPageViews.FileItem;
import org.kefu.ticket.web.TicketPageViews.Header;
import org.kefu.ticket.web.TicketPageViews.Item;
import org.kefu.ticket.web.TicketPageViews.LinkItem;
import org.kefu.ticket.web.TicketPageViews.Option;
import org.kefu.ticket.web.TicketPageViews.Properties;
import org.kefu.ticket.web.TicketPageViews.TeamOption;
import org.kefu.ticket.web.TicketPageViews.Timeline;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what the ticket page shows, each part in one read-only transaction, through the same
 * services (and so the same visibility rules) as the REST API.
 */
@Component
class TicketPageReader {

    static final int TIMELINE_PAGE = 50;

    private final TicketWork work;
    private final TicketFinder finder;
    private final Tickets tickets;
    private final LinkingTickets linking;
    private final TicketSettings settings;
    private final AgentDirectory agents;
    private final MessageSource messages;
    private final Times times;
    private final TransactionTemplate transactions;
    private final TicketAttachments attachments;

    TicketPageReader(TicketWork work, TicketFinder finder, Tickets tickets, LinkingTickets linking,
            TicketSettings settings, AgentDirectory agents, MessageSource messages, Times times,
            TransactionTemplate transactions, TicketAttachments attachments) {
        this.attachments = attachments;
        this.work = work;
        this.finder = finder;
        this.tickets = tickets;
        this.linking = linking;
        this.settings = settings;
        this.agents = agents;
        this.messages = messages;
        this.times = times;
        this.transactions = transactions;
    }

    Header header(long id, Actor actor) {
        return read(() -> {
            Ticket t = work.get(id, actor);
            Customer c = t.getCustomer();
            String mergedNumber = t.getMergedIntoId() == null ? null
                    : tickets.findById(t.getMergedIntoId()).map(Ticket::getNumber).orElse(null);
            return new Header(t.getId(), t.getNumber(), t.getSubject(), t.getStatus(), t.getPriority(), t.getChannel(),
                    c.getId(), c.getName(), c.getTier().getCode(), c.getTier().getName(), c.isVip(), t.getCreatedAt(),
                    t.getUpdatedAt(), t.getMergedIntoId(), mergedNumber,
                    t.getMergedIntoId() == null && t.getStatus().canMoveTo(TicketStatus.RESOLVED));
        });
    }

    CustomerFallback customer(long id, Actor actor) {
        return read(() -> {
            Customer c = work.get(id, actor).getCustomer();
            return new CustomerFallback(c.getId(), c.getName(), c.getTier().getCode(), c.getTier().getName(), c.isVip(),
                    c.getEmails().stream().map(CustomerEmail::getEmail).toList(),
                    c.getPhones().stream().map(CustomerPhone::getPhone).toList());
        });
    }

    Timeline timeline(long id, String before, Actor actor, Locale locale) {
        return read(() -> {
            Slice<TimelineEntry> page = finder.timelineBefore(id, before, TIMELINE_PAGE, actor);
            TimelineSentences sentences = new TimelineSentences(messages, locale, times, names(locale));
            Map<Long, List<Attachment>> files = attachments.byEntry(page.items());
            List<Item> items = page.items().stream()
                    .map(e -> sentences.item(e).withFiles(files.getOrDefault(e.getId(), List.of()).stream()
                            .map(FileItem::of).toList()))
                    .toList();
            return new Timeline(id, items, page.nextCursor());
        });
    }

    /** The properties panel; {@code submitted} (form name → values) overrides stored values after a failed save. */
    Properties properties(long id, Actor actor, Locale locale, Map<String, List<String>> submitted) {
        return read(() -> {
            Ticket t = work.get(id, actor);
            Map<String, List<String>> form = submitted == null ? Map.of() : submitted;
            List<Option> departments = agents.departments().stream()
                    .map(d -> new Option(String.valueOf(d.getId()), d.getName())).toList();
            List<TeamOption> teams = agents.teams().stream()
                    .map(tm -> new TeamOption(tm.getId(), tm.getName(), tm.getDepartment().getId())).toList();
            List<Option> agentOptions = agents.names().stream()
                    .filter(a -> a.active() || Objects.equals(a.id(), t.getAssigneeId()))
                    .map(a -> new Option(String.valueOf(a.id()), a.displayName())).toList();
            List<Option> complaintTypes = settings.complaintTypes().stream()
                    .filter(ct -> ct.isActive() || ct.getCode().equals(t.getComplaintType()))
                    .map(ct -> new Option(ct.getCode(), complaintName(ct, locale))).toList();
            List<CustomFieldInput> fields = new ArrayList<>();
            for (CustomFieldDefinition d : settings.customFields()) {
                Object stored = t.getCustomFields().get(d.getKey());
                if (!d.isActive() && stored == null) {
                    continue;
                }
                String name = "cf." + d.getKey();
                List<String> values = form.containsKey(name) ? form.get(name) : storedValues(stored);
                fields.add(new CustomFieldInput(d.getKey(), d.getLabel(), d.getType(), d.isRequired(), d.getOptions(),
                        values.isEmpty() ? "" : values.getFirst(), new LinkedHashSet<>(values)));
            }
            return new Properties(t.getId(), t.getStatus(),
                    t.getMergedIntoId() == null ? t.getStatus().allowedNext().stream().sorted().toList() : List.of(),
                    t.getPriority(), t.getDepartmentId(), t.getTeamId(), t.getAssigneeId(), departments, teams, agentOptions,
                    new ArrayList<>(new TreeSet<>(t.getTags())),
                    pick(form, "complaintType", t.getComplaintType()), complaintTypes,
                    pick(form, "confirmedProblem", t.getConfirmedProblem()), pick(form, "demand", t.getDemand()),
                    pick(form, "demandDeadline", localDateTime(t.getDemandDeadline())),
                    pick(form, "productRef", t.getProductRef()), pick(form, "orderRef", t.getOrderRef()),
                    fields, links(t, actor), t.getMergedIntoId() != null);
        });
    }

    /** Ticket number → id, for merge and link forms; null if there is no such ticket. */
    Long idOfNumber(String number) {
        return read(() -> tickets.findByNumber(number.strip()).map(Ticket::getId).orElse(null));
    }

    private List<LinkItem> links(Ticket t, Actor actor) {
        List<TicketLink> links = linking.links(t.getId(), actor);
        Set<Long> otherIds = new LinkedHashSet<>();
        links.forEach(l -> otherIds.add(l.getSourceId() == t.getId() ? l.getTargetId() : l.getSourceId()));
        Map<Long, Ticket> others = new LinkedHashMap<>();
        tickets.findAllById(otherIds).forEach(o -> others.put(o.getId(), o));
        List<LinkItem> items = new ArrayList<>();
        for (TicketLink l : links) {
            boolean source = l.getSourceId() == t.getId();
            long otherId = source ? l.getTargetId() : l.getSourceId();
            Ticket other = others.get(otherId);
            String relation = l.getKind() == TicketLink.Kind.RELATED ? "RELATED" : source ? "CHILD" : "PARENT";
            items.add(new LinkItem(l.getId(), otherId, other == null ? "#" + otherId : other.getNumber(),
                    other == null ? "" : other.getSubject(), other == null ? null : other.getStatus(), relation));
        }
        return items;
    }

    private String localDateTime(Instant instant) {
        return instant == null ? null
                : instant.atZone(times.zone()).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    private static String pick(Map<String, List<String>> form, String name, String stored) {
        List<String> values = form.get(name);
        return values != null ? (values.isEmpty() ? "" : values.getFirst()) : stored;
    }

    private static List<String> storedValues(Object stored) {
        if (stored == null) {
            return List.of();
        }
        if (stored instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (stored instanceof Number n) {
            return List.of(new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
        }
        return List.of(String.valueOf(stored));
    }

    private TimelineSentences.Names names(Locale locale) {
        Map<Long, String> departments = new LinkedHashMap<>();
        agents.departments().forEach(d -> departments.put(d.getId(), d.getName()));
        Map<Long, String> teams = new LinkedHashMap<>();
        agents.teams().forEach(tm -> teams.put(tm.getId(), tm.getName()));
        Map<Long, String> agentNames = new LinkedHashMap<>();
        for (AgentName a : agents.names()) {
            agentNames.put(a.id(), a.displayName());
        }
        Map<String, String> complaint = new LinkedHashMap<>();
        settings.complaintTypes().forEach(ct -> complaint.put(ct.getCode(), complaintName(ct, locale)));
        Map<String, String> labels = new LinkedHashMap<>();
        settings.customFields().forEach(d -> labels.put(d.getKey(), d.getLabel()));
        Function<String, String> complaintName = code -> complaint.getOrDefault(code, code);
        return new TimelineSentences.Names(departments, teams, agentNames, complaintName, labels);
    }

    static String complaintName(ComplaintType type, Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return type.getNameEn();
        }
        if ("TW".equals(locale.getCountry()) || "Hant".equals(locale.getScript())) {
            return type.getNameZhTw();
        }
        return type.getNameZhCn();
    }

    private <T> T read(java.util.function.Supplier<T> reading) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            return reading.get();
        });
    }
}
