package org.kefu.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kefu.customer.CustomerTier;
import org.kefu.insight.Emotion;
import org.kefu.insight.InsightEvents;
import org.kefu.sla.SlaEvents;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.LoadedTickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event-driven triggers: SLA warnings and breaches, a VIP customer's second contact and an angry
 * customer. Each
 * runs after the change that caused it has committed; each firing is its own transaction.
 */
@Component
class EscalationTriggers {

    private final EscalationRules rules;
    private final Escalations escalations;
    private final JdbcClient jdbc;
    private final LoadedTickets tickets;
    private final Clock clock;

    EscalationTriggers(EscalationRules rules, Escalations escalations, JdbcClient jdbc, LoadedTickets tickets, Clock clock) {
        this.tickets = tickets;
        this.rules = rules;
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void slaWarning(SlaEvents.SlaWarning e) {
        escalations.fireAll(EscalationTrigger.SLA_WARNING, e.ticketId(), "SLA_WARNING:" + e.metric() + ":" + e.dueAt());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void slaBreached(SlaEvents.SlaBreached e) {
        escalations.fireAll(EscalationTrigger.SLA_BREACHED, e.ticketId(), "SLA_BREACHED:" + e.metric() + ":" + e.dueAt());
    }

    /**
     * A new ticket from a customer who already opened one within the rule's days. What cannot change
     * before the commit (the rules, the customer's tier, the customer's earlier tickets) is checked in
     * the opening transaction, on its connection; only a rule that will fire runs after the commit, in
     * its own transaction. The usual ticket, with no such rule or no such customer, costs no statement
     * after the commit and never a second connection.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void opened(TicketEvents.TicketOpened e) {
        List<EscalationRule> candidates = new ArrayList<>();
        for (EscalationRule rule : rules.configured(EscalationTrigger.VIP_SECOND_CONTACT)) {
            Ticket t = tickets.find(e.ticketId()).orElse(null);
            if (t != null && ofTier(rule, t) && earlierTicketWithin(t, Duration.ofDays(rule.threshold()))) {
                candidates.add(rule);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Runnable fire = () -> {
            for (EscalationRule rule : candidates) {
                escalations.fire(rule, e.ticketId(), "SECOND_CONTACT",
                        t -> ofTier(rule, t) && earlierTicketWithin(t, Duration.ofDays(rule.threshold())));
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fire.run();
                }
            });
        } else {
            fire.run();
        }
    }

    /** The customer writes again on a ticket opened within the rule's days. */
    @TransactionalEventListener(fallbackExecution = true)
    void customerWrote(TicketEvents.CustomerMessageReceived e) {
        Instant now = clock.instant();
        for (EscalationRule rule : rules.configured(EscalationTrigger.VIP_SECOND_CONTACT)) {
            escalations.fire(rule, e.ticketId(), "SECOND_CONTACT",
                    t -> ofTier(rule, t) && !t.getCreatedAt().isBefore(now.minus(Duration.ofDays(rule.threshold()))));
        }
    }

    /** A customer message read as angry enough, or threatening to escalate outside the desk: once per ticket. */
    @TransactionalEventListener(fallbackExecution = true)
    void emotionRead(InsightEvents.EmotionRead e) {
        if (e.label() != Emotion.ANGRY) {
            return;
        }
        for (EscalationRule rule : rules.configured(EscalationTrigger.ANGRY_CUSTOMER)) {
            if (e.threatensEscalation() || e.intensity() * 100 >= rule.threshold()) {
                escalations.fire(rule, e.ticketId(), "ANGRY_CUSTOMER", t -> true);
            }
        }
    }

    private static boolean ofTier(EscalationRule rule, Ticket t) {
        String wanted = rule.conditions().tier() == null ? CustomerTier.VIP : rule.conditions().tier();
        return t.getCustomer().getTier() != null && wanted.equals(t.getCustomer().getTier().getCode());
    }

    /** Served by ix_ticket_customer_created (customer_id, created_at, id). */
    private boolean earlierTicketWithin(Ticket t, Duration window) {
        return jdbc.sql("""
                        select count(*) from ticket
                        where customer_id = ? and created_at >= ? and created_at <= ? and id <> ?""")
                .params(t.getCustomer().getId(), Timestamp.from(t.getCreatedAt().minus(window)), Timestamp.from(t.getCreatedAt()),
                        t.getId())
                .query(Long.class).single() > 0;
    }
}
