package org.kefu.escalation;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.kefu.ticket.Author;
import org.kefu.ticket.Priority;
import org.kefu.ticket.SystemTicketWork;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires a rule on a ticket: checks the rule's conditions, writes the firing to escalation_log (its
 * unique key makes each (rule, ticket, occurrence) fire once, also across nodes), then runs the
 * actions through the ticket module, notifies, and writes a WARNING notice on the timeline. Each
 * firing is its own transaction: a failing rule never undoes the ticket change or sweep that
 * triggered it, nor another rule.
 */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final EscalationRules rules;
    private final Tickets tickets;
    private final SystemTicketWork work;
    private final org.kefu.ticket.TicketWork timeline;
    private final Notifications notifications;
    private final Recipients recipients;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Escalations(EscalationRules rules, Tickets tickets, SystemTicketWork work, org.kefu.ticket.TicketWork timeline,
                Notifications notifications, Recipients recipients, PlatformTransactionManager transactionManager, Clock clock) {
        this.rules = rules;
        this.tickets = tickets;
        this.work = work;
        this.timeline = timeline;
        this.notifications = notifications;
        this.recipients = recipients;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Fires every active rule of this trigger that matches the ticket; returns how many fired. The rules come from the
     * node's cache: every SLA warning and breach asks, and most desks have no rule for them.
     */
    int fireAll(EscalationTrigger trigger, long ticketId, String occurrence) {
        int fired = 0;
        for (EscalationRule rule : rules.configured(trigger)) {
            fired += fire(rule, ticketId, occurrence, t -> true) ? 1 : 0;
        }
        return fired;
    }

    /**
     * Fires one rule; false when its conditions (or the trigger's own test {@code when}) do not
     * match, or it already fired for this occurrence.
     */
    boolean fire(EscalationRule rule, long ticketId, String occurrence, Predicate<Ticket> when) {
        try {
            Boolean fired = transactions.execute(tx -> fireInTransaction(rule, ticketId, occurrence, when));
            return Boolean.TRUE.equals(fired);
        } catch (DuplicateKeyException alreadyFired) {
            return false;
        } catch (RuntimeException e) {
            log.warn("Escalation rule {} could not fire on ticket {} ({})", rule.id(), ticketId, occurrence, e);
            return false;
        }
    }

    private boolean fireInTransaction(EscalationRule rule, long ticketId, String occurrence, Predicate<Ticket> when) {
        Ticket ticket = tickets.findById(ticketId).orElse(null);
        if (ticket == null || !ticket.getStatus().isActive() || ticket.getMergedIntoId() != null || !matches(rule, ticket)
                || !when.test(ticket)) {
            return false;
        }
        if (rules.fired(rule.id(), ticketId, occurrence)) {
            return false;
        }
        rules.logFiring(rule.id(), ticketId, rule.trigger(), occurrence, clock.instant().truncatedTo(ChronoUnit.MICROS));
        EscalationRule.Actions a = rule.actions();
        Priority raised = a.raised(ticket.getPriority());
        if (raised != ticket.getPriority()) {
            ticket = work.prioritise(ticketId, raised, Author.SYSTEM);
        }
        if (a.reassignTeamId() != null && !a.reassignTeamId().equals(ticket.getTeamId())) {
            ticket = work.reassign(ticketId, a.reassignTeamId(), null);
        } else if (a.reassignSupervisor()) {
            List<Long> supervisors = recipients.supervisors(ticket.getDepartmentId());
            if (!supervisors.isEmpty() && !supervisors.contains(ticket.getAssigneeId())) {
                ticket = work.reassign(ticketId, null, supervisors.getFirst());
            }
        }
        if (a.addTag() != null) {
            ticket = work.addTag(ticketId, a.addTag());
        }
        Set<Long> notify = new LinkedHashSet<>();
        if (a.notifyAssignee() && ticket.getAssigneeId() != null) {
            notify.add(ticket.getAssigneeId());
        }
        if (a.notifyTeam() && ticket.getTeamId() != null) {
            notify.addAll(recipients.teamMembers(ticket.getTeamId()));
        }
        if (a.notifySupervisors()) {
            notify.addAll(recipients.supervisors(ticket.getDepartmentId()));
        }
        if (a.notifyAgentId() != null) {
            notify.add(a.notifyAgentId());
        }
        List<String> args = List.of(ticket.getNumber(), ticket.getSubject(), rule.name());
        for (long agent : notify) {
            notifications.notify(agent, "ESCALATION", ticketId, a.notifyEmail(),
                    "escalation.notification." + rule.trigger().name(), args);
        }
        timeline.recordNotice(ticketId, TicketNotice.warning("escalation.notice." + rule.trigger().name(), rule.name(),
                describe(ticket, a, notify.size())), Author.SYSTEM);
        return true;
    }

    static boolean matches(EscalationRule rule, Ticket t) {
        EscalationRule.Conditions c = rule.conditions();
        if (c.priority() != null && c.priority() != t.getPriority()) {
            return false;
        }
        if (c.channel() != null && c.channel() != t.getChannel()) {
            return false;
        }
        if (c.departmentId() != null && c.departmentId() != t.getDepartmentId()) {
            return false;
        }
        if (c.teamId() != null && !c.teamId().equals(t.getTeamId())) {
            return false;
        }
        String tier = t.getCustomer().getTier() == null ? null : t.getCustomer().getTier().getCode();
        return c.tier() == null || Objects.equals(c.tier(), tier);
    }

    /** A short, language-neutral list of what the rule did, for the timeline notice. */
    private static String describe(Ticket t, EscalationRule.Actions a, int notified) {
        List<String> parts = new ArrayList<>();
        if (a.raisePriority() != null) {
            parts.add("→ " + t.getPriority().name());
        }
        if (a.reassignTeamId() != null || a.reassignSupervisor()) {
            parts.add("→ " + (t.getAssigneeId() != null ? "@" + t.getAssigneeId() : "team " + t.getTeamId()));
        }
        if (a.addTag() != null) {
            parts.add("#" + a.addTag());
        }
        if (notified > 0) {
            parts.add("✉ " + notified);
        }
        return String.join(", ", parts);
    }
}
