package org.kefu.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kefu.agent.AgentDirectory;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything agents do to an existing ticket: fields, status, assignment, tags, messages, notes. */
@Service
@Transactional
public class TicketWork {

    private final TicketAccess access;
    private final TicketAttachments attachments;
    private final Tickets tickets;
    private final TicketSettings settings;
    private final TagCatalogue tags;
    private final AgentDirectory agents;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;
    private final List<OutgoingReplyCheck> replyChecks;

    TicketWork(TicketAccess access, TicketAttachments attachments, Tickets tickets, TicketSettings settings,
            TagCatalogue tags, AgentDirectory agents,
            EntityManager entityManager, ApplicationEventPublisher events, MeterRegistry meters, Clock clock,
            List<OutgoingReplyCheck> replyChecks) {
        this.replyChecks = List.copyOf(replyChecks);
        this.access = access;
        this.attachments = attachments;
        this.tickets = tickets;
        this.settings = settings;
        this.tags = tags;
        this.agents = agents;
        this.entityManager = entityManager;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Ticket get(long id, Actor actor) {
        return access.visible(id, actor);
    }

    /**
     * The ticket as it is after a change the caller just made, even if the change (a transfer to
     * another department) put it out of the caller's sight; only the caller's own result is shown.
     */
    @Transactional(readOnly = true)
    public Ticket readBack(long id) {
        return tickets.findById(id).orElseThrow(() -> new NotFoundException("Ticket", id));
    }

    public Ticket update(long id, TicketChanges changes, Actor actor) {
        Ticket ticket = access.visible(id, actor);
        Author by = Author.of(actor);
        Instant now = clock.instant();
        List<String> unknown = changes.clear().stream().filter(f -> !TicketChanges.CLEARABLE.contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidRequestException.of("clear", "cannot clear " + unknown + "; clearable: " + TicketChanges.CLEARABLE);
        }
        Set<String> clear = new LinkedHashSet<>(changes.clear());
        var customFields = changes.customFields() == null ? null
                : CustomFieldValues.validate(changes.customFields(), settings.customFieldsByKey(), false);
        if (changes.subject() != null) {
            ticket.changeSubject(changes.subject(), by, now);
        }
        if (changes.priority() != null) {
            ticket.changePriority(changes.priority(), by, now);
        }
        if (clear.contains("complaintType")) {
            ticket.classify(null, by, now);
        } else if (changes.complaintType() != null) {
            ticket.classify(settings.requireActiveComplaintType(changes.complaintType()), by, now);
        }
        ticket.confirmProblem(pick(clear, "confirmedProblem", changes.confirmedProblem(), ticket.getConfirmedProblem()), by, now);
        ticket.recordDemand(pick(clear, "demand", changes.demand(), ticket.getDemand()),
                clear.contains("demandDeadline") ? null
                        : changes.demandDeadline() != null ? changes.demandDeadline() : ticket.getDemandDeadline(), by, now);
        ticket.referTo(pick(clear, "productRef", changes.productRef(), ticket.getProductRef()),
                pick(clear, "orderRef", changes.orderRef(), ticket.getOrderRef()), by, now);
        if (customFields != null) {
            ticket.setCustomFields(customFields, by, now);
        }
        events.publishEvent(new TicketEvents.TicketUpdated(id));
        return ticket;
    }

    private static String pick(Set<String> clear, String field, String given, String current) {
        if (clear.contains(field)) {
            return null;
        }
        return given == null ? current : TicketIntake.blankToNull(given);
    }

    public Ticket changeStatus(long id, TicketStatus status, Actor actor) {
        Ticket ticket = access.visible(id, actor);
        TicketStatus from = ticket.getStatus();
        ticket.changeStatus(status, Author.of(actor), clock.instant());
        if (from != ticket.getStatus()) {
            events.publishEvent(new TicketEvents.TicketStatusChanged(id, from, ticket.getStatus()));
        }
        return ticket;
    }

    /** Places the ticket; a null department keeps the current one, null team or assignee clears it. */
    public Ticket assign(long id, Long departmentId, Long teamId, Long assigneeId, Actor actor) {
        Ticket ticket = access.visible(id, actor);
        long department = TicketIntake.TicketPlacement.check(agents,
                departmentId != null ? departmentId : teamId == null ? ticket.getDepartmentId() : null, teamId, assigneeId);
        ticket.assign(department, teamId, assigneeId, Author.of(actor), clock.instant());
        events.publishEvent(new TicketEvents.TicketUpdated(id));
        return ticket;
    }

    public Ticket replaceTags(long id, Collection<String> newTags, Actor actor) {
        Ticket ticket = access.visible(id, actor);
        List<String> clean = TagCatalogue.clean(newTags, "tags");
        tags.ensure(clean);
        ticket.replaceTags(clean, Author.of(actor), clock.instant());
        events.publishEvent(new TicketEvents.TicketUpdated(id));
        return ticket;
    }

    public Ticket addTags(long id, Collection<String> added, Actor actor) {
        Ticket ticket = access.visible(id, actor);
        List<String> all = new ArrayList<>(ticket.getTags());
        all.addAll(added);
        return replaceTags(id, all, actor);
    }

    public Ticket removeTag(long id, String tag, Actor actor) {
        Ticket ticket = access.visible(id, actor);
        List<String> remaining = ticket.getTags().stream().filter(t -> !t.equals(tag)).toList();
        return replaceTags(id, remaining, actor);
    }

    /** A reply from the agent, or, when {@code fromCustomer}, a customer message recorded by an integration. */
    public TimelineEntry postMessage(long id, String body, boolean fromCustomer, Actor actor) {
        return postMessage(id, body, fromCustomer, actor, List.of());
    }

    /**
     * Like {@link #postMessage(long, String, boolean, Actor)}, with files. The message and its files
     * are written in one transaction: a file over the limit (413) or one too many (422) leaves no
     * message behind. Listeners of the message events find the files already recorded.
     */
    public TimelineEntry postMessage(long id, String body, boolean fromCustomer, Actor actor, List<NewAttachment> files) {
        return postMessage(id, body, fromCustomer, null, actor, files);
    }

    /**
     * A customer message that came in through {@code via}, which may differ from the ticket's own
     * channel (a WeChat message on a ticket an email was merged into): the timeline records the real
     * channel, so replies can go back the way the customer last wrote.
     */
    public TimelineEntry receiveMessage(long id, String body, Channel via, Actor actor, List<NewAttachment> files) {
        return postMessage(id, body, true, via, actor, files);
    }

    private TimelineEntry postMessage(long id, String body, boolean fromCustomer, Channel via, Actor actor,
            List<NewAttachment> files) {
        List<NewAttachment> attached = files == null ? List.of() : List.copyOf(files);
        Ticket ticket = access.visible(id, actor);
        Channel channel = via == null ? ticket.getChannel() : via;
        attachments.check(attached);
        if (!fromCustomer) {
            replyChecks.forEach(check -> check.check(body));
        }
        TicketStatus before = ticket.getStatus();
        TimelineEntry entry;
        if (fromCustomer) {
            entry = ticket.receiveCustomerMessage(body, channel, clock.instant());
        } else {
            entry = ticket.reply(body, Author.of(actor), clock.instant());
        }
        entityManager.flush();
        attachments.attach(entry, attached);
        if (fromCustomer) {
            events.publishEvent(new TicketEvents.CustomerMessageReceived(id, entry.getId(), channel));
            meters.counter("kefu.messages.received", "channel", channel.name()).increment();
        } else {
            events.publishEvent(new TicketEvents.AgentReplied(id, entry.getId(), actor.id()));
        }
        if (before != ticket.getStatus()) {
            events.publishEvent(new TicketEvents.TicketStatusChanged(id, before, ticket.getStatus()));
        }
        return entry;
    }

    public TimelineEntry addNote(long id, String body, Actor actor) {
        return addNote(id, body, actor, List.of());
    }

    /** An internal note with files, written in one transaction like {@link #postMessage(long, String, boolean, Actor, List)}. */
    public TimelineEntry addNote(long id, String body, Actor actor, List<NewAttachment> files) {
        List<NewAttachment> attached = files == null ? List.of() : List.copyOf(files);
        Ticket ticket = access.visible(id, actor);
        attachments.check(attached);
        TimelineEntry entry = ticket.note(body, Author.of(actor), clock.instant());
        entityManager.flush();
        attachments.attach(entry, attached);
        events.publishEvent(new TicketEvents.TicketUpdated(id));
        return entry;
    }

    /**
     * Writes another module's event on the timeline (see {@link TicketNotice}). Not access-checked:
     * it is called by the desk itself (a delivery worker, a timer), not on behalf of a reader.
     * Live pages showing the ticket refresh.
     */
    public TimelineEntry recordNotice(long id, TicketNotice notice, Author by) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> new NotFoundException("ticket", id));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", notice.messageKey());
        data.put("args", notice.args());
        data.put("level", notice.level().name());
        TimelineEntry entry = ticket.recordEvent(by, TicketEventType.NOTICE, data, clock.instant());
        events.publishEvent(new TicketEvents.TicketUpdated(id));
        return entry;
    }
}
