package org.kefu.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Channel;
import org.kefu.platform.ConflictException;
import org.kefu.platform.Cursor;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Slice;
import org.kefu.platform.storage.InList;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in customer may do with their own tickets (the web portal): list and read them,
 * reply, reopen a resolved one, open a follow-up to a closed one. Another customer's ticket is
 * reported as not found, and only the conversation (the customer's messages and the agents'
 * public replies) is ever shown: never internal notes, never events.
 */
@Service
@Transactional
public class CustomerSelfService {

    /** The timeline kinds a customer sees. */
    public static final List<TimelineEntry.Kind> PUBLIC_KINDS = List.of(TimelineEntry.Kind.CUSTOMER_MESSAGE,
            TimelineEntry.Kind.REPLY);

    /** At most this many conversation entries are shown on one ticket page. */
    static final int MAX_CONVERSATION = 500;

    private final TicketIntake intake;
    private final Tickets tickets;
    private final TicketLinks links;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;
    private final TicketAttachments attachments;

    CustomerSelfService(TicketIntake intake, Tickets tickets, TicketLinks links, EntityManager entityManager,
            ApplicationEventPublisher events, MeterRegistry meters, Clock clock, TicketAttachments attachments) {
        this.attachments = attachments;
        this.intake = intake;
        this.tickets = tickets;
        this.links = links;
        this.entityManager = entityManager;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** The customer's tickets, newest first, paged by keyset on (created_at, id). */
    @Transactional(readOnly = true)
    public Slice<Ticket> tickets(long customerId, String cursor, int limit) {
        StringBuilder jpql = new StringBuilder("select t from Ticket t where t.customer.id = :customer");
        Instant createdAt = null;
        long afterId = 0;
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor, "created");
            createdAt = Instant.parse(position.value());
            afterId = position.id();
            jpql.append(" and (t.createdAt < :cAt or (t.createdAt = :cAt and t.id < :cId))");
        }
        jpql.append(" order by t.createdAt desc, t.id desc");
        var query = entityManager.createQuery(jpql.toString(), Ticket.class).setParameter("customer", customerId);
        if (cursor != null) {
            query.setParameter("cAt", createdAt).setParameter("cId", afterId);
        }
        List<Ticket> rows = query.setMaxResults(limit + 1).getResultList();
        return Slice.fromOverfetch(rows, limit, t -> new Cursor("created", t.getCreatedAt().toString(), t.getId()));
    }

    /** The customer's own ticket; any other ticket is not found. */
    @Transactional(readOnly = true)
    public Ticket ticket(long ticketId, long customerId) {
        return own(ticketId, customerId);
    }

    /**
     * The conversation of the customer's ticket, oldest first: their messages and the agents'
     * public replies, including those of the customer's own tickets merged into it.
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> conversation(long ticketId, long customerId) {
        own(ticketId, customerId);
        List<Long> ids = new ArrayList<>();
        ids.add(ticketId);
        ids.addAll(entityManager.createQuery(
                        "select t.id from Ticket t where t.mergedIntoId = :id and t.customer.id = :customer", Long.class)
                .setParameter("id", ticketId).setParameter("customer", customerId).getResultList());
        Map<String, Object> params = new HashMap<>();
        return InList.bind(entityManager.createQuery("select e from TimelineEntry e where "
                        + InList.of(params, "e.ticket.id", "id", ids) + " and " + InList.of(params, "e.kind", "kind", PUBLIC_KINDS)
                        + " order by e.id", TimelineEntry.class), params)
                .setMaxResults(MAX_CONVERSATION).getResultList();
    }

    /** The customer writes on their own ticket through the portal; a resolved ticket comes back to the desk. */
    public TimelineEntry reply(long ticketId, long customerId, String body) {
        return reply(ticketId, customerId, body, List.of());
    }

    /**
     * A reply with files: message and files are written together, and files over the limits
     * ({@link TicketAttachments#maxBytes()}, {@link TicketAttachments#maxCount()}) refuse the whole reply.
     */
    public TimelineEntry reply(long ticketId, long customerId, String body, List<NewAttachment> files) {
        List<NewAttachment> attached = files == null ? List.of() : List.copyOf(files);
        attachments.check(attached);
        Ticket ticket = own(ticketId, customerId);
        TicketStatus before = ticket.getStatus();
        TimelineEntry entry = ticket.receiveCustomerMessage(body, Channel.WEB, clock.instant());
        entityManager.flush();
        attachments.attach(entry, attached);
        events.publishEvent(new TicketEvents.CustomerMessageReceived(ticketId, entry.getId(), Channel.WEB));
        meters.counter("kefu.messages.received", "channel", Channel.WEB.name()).increment();
        if (before != ticket.getStatus()) {
            events.publishEvent(new TicketEvents.TicketStatusChanged(ticketId, before, ticket.getStatus()));
        }
        return entry;
    }

    /** Reopens the customer's resolved ticket. Only RESOLVED can be reopened; CLOSED needs a follow-up. */
    public Ticket reopen(long ticketId, long customerId) {
        Ticket ticket = own(ticketId, customerId);
        if (ticket.getStatus() != TicketStatus.RESOLVED) {
            throw new ConflictException("Only a resolved ticket can be reopened; this one is " + ticket.getStatus() + ".",
                    Map.of("currentStatus", ticket.getStatus().name()));
        }
        ticket.changeStatus(TicketStatus.REOPENED, author(ticket), clock.instant());
        events.publishEvent(new TicketEvents.TicketStatusChanged(ticketId, TicketStatus.RESOLVED, TicketStatus.REOPENED));
        return ticket;
    }

    /**
     * Opens a new ticket for the customer as a follow-up of their closed ticket; the two are
     * linked as related, and both timelines say so.
     */
    public Ticket followUp(long closedTicketId, long customerId, NewTicket command) {
        return followUp(closedTicketId, customerId, command, List.of());
    }

    /** A follow-up whose first message carries files. */
    public Ticket followUp(long closedTicketId, long customerId, NewTicket command, List<NewAttachment> files) {
        Ticket closed = own(closedTicketId, customerId);
        if (closed.getStatus() != TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + closed.getNumber() + " is still open; reply to it instead.",
                    Map.of("currentStatus", closed.getStatus().name()));
        }
        Author customer = author(closed);
        Ticket followUp = intake.open(forCustomer(command, customerId), customer, files);
        Instant now = clock.instant();
        links.save(new TicketLink(closed.getId(), followUp.getId(), TicketLink.Kind.RELATED, null, now));
        closed.recordLink(TicketEventType.LINKED, TicketLink.Kind.RELATED, "RELATED", followUp, customer, now);
        followUp.recordLink(TicketEventType.LINKED, TicketLink.Kind.RELATED, "RELATED", closed, customer, now);
        events.publishEvent(new TicketEvents.TicketUpdated(closed.getId()));
        return followUp;
    }

    /** A ticket the customer submits through the portal (the web-form channel). */
    public Ticket open(long customerId, String customerName, NewTicket command) {
        return open(customerId, customerName, command, List.of());
    }

    /** A portal ticket whose first message carries files, written together with the ticket. */
    public Ticket open(long customerId, String customerName, NewTicket command, List<NewAttachment> files) {
        return intake.open(forCustomer(command, customerId), Author.customer(customerId, customerName), files);
    }

    private static NewTicket forCustomer(NewTicket c, long customerId) {
        return new NewTicket(c.subject(), c.description(), Channel.WEB, customerId, null, null, c.complaintType(), null,
                c.demand(), c.demandDeadline(), c.productRef(), c.orderRef(), List.of(), Map.of(), null, null, null);
    }

    private static Author author(Ticket ticket) {
        return Author.customer(ticket.getCustomer().getId(), ticket.getCustomer().getName());
    }

    private Ticket own(long ticketId, long customerId) {
        return tickets.findById(ticketId)
                .filter(t -> t.getCustomer().getId() == customerId)
                .orElseThrow(() -> new NotFoundException("Ticket", ticketId));
    }
}
