package org.kefu.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Relates tickets to each other: related, or parent and child. Both timelines record it. */
@Service
@Transactional
public class LinkingTickets {

    /** How the other ticket relates to this one. */
    public enum Relation {
        RELATED, PARENT, CHILD
    }

    private final TicketAccess access;
    private final TicketLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LinkingTickets(TicketAccess access, TicketLinks links, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    public TicketLink link(long ticketId, long otherId, Relation relation, Actor actor) {
        if (ticketId == otherId) {
            throw new ConflictException("A ticket cannot be linked to itself.");
        }
        Ticket ticket = access.visible(ticketId, actor);
        Ticket other = access.visible(otherId, actor);
        Ticket source = relation == Relation.PARENT ? other : ticket;
        Ticket target = relation == Relation.PARENT ? ticket : other;
        TicketLink.Kind kind = relation == Relation.RELATED ? TicketLink.Kind.RELATED : TicketLink.Kind.PARENT_CHILD;
        boolean exists = links.findBySourceIdAndTargetIdAndKind(source.getId(), target.getId(), kind).isPresent()
                || links.findBySourceIdAndTargetIdAndKind(target.getId(), source.getId(), kind).isPresent();
        if (exists) {
            throw new ConflictException("These tickets are already linked that way.");
        }
        Instant now = clock.instant();
        TicketLink link = links.save(new TicketLink(source.getId(), target.getId(), kind, actor.id(), now));
        Author by = Author.of(actor);
        source.recordLink(TicketEventType.LINKED, kind, kind == TicketLink.Kind.RELATED ? "RELATED" : "CHILD", target, by, now);
        target.recordLink(TicketEventType.LINKED, kind, kind == TicketLink.Kind.RELATED ? "RELATED" : "PARENT", source, by, now);
        events.publishEvent(new TicketEvents.TicketsLinked(source.getId(), target.getId(), kind, actor.id()));
        return link;
    }

    public void unlink(long ticketId, long linkId, Actor actor) {
        access.visible(ticketId, actor);
        TicketLink link = links.findById(linkId)
                .filter(l -> l.getSourceId() == ticketId || l.getTargetId() == ticketId)
                .orElseThrow(() -> new NotFoundException("Link", linkId));
        Ticket source = access.visible(link.getSourceId(), actor);
        Ticket target = access.visible(link.getTargetId(), actor);
        Instant now = clock.instant();
        Author by = Author.of(actor);
        source.recordLink(TicketEventType.UNLINKED, link.getKind(), "SOURCE", target, by, now);
        target.recordLink(TicketEventType.UNLINKED, link.getKind(), "TARGET", source, by, now);
        links.delete(link);
    }

    /** How many links touch the ticket (for the desk's own use, e.g. a priority's impact scope; not access-checked). */
    @Transactional(readOnly = true)
    public long countLinks(long ticketId) {
        return links.countTouching(ticketId);
    }

    @Transactional(readOnly = true)
    public List<TicketLink> links(long ticketId, Actor actor) {
        access.visible(ticketId, actor);
        return links.findAllTouching(ticketId);
    }
}
