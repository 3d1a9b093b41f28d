package org.kefu.escalation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.kefu.ticket.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "P1 unassigned for N minutes": for each active UNASSIGNED rule, finds the tickets that became due
 * since the rule's watermark (created in (sweptUntil, now - N], priority at least the rule's, no
 * assignee) with an index range scan on ix_ticket_priority_assignee_created, fires the rule on
 * each and moves the watermark. A ticket is judged at the moment it becomes due; the log's unique
 * key keeps a firing single even if two sweeps overlap.
 */
@Component
class UnassignedSweep {

    static final int BATCH = 500;
    /** How far back a new rule looks the first time it runs. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    private final EscalationRules rules;
    private final Escalations escalations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    UnassignedSweep(EscalationRules rules, Escalations escalations, JdbcClient jdbc, PlatformTransactionManager tm) {
        this.rules = rules;
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(tm);
    }

    /** Returns how many firings happened. */
    int sweep(Instant now) {
        int fired = 0;
        for (EscalationRule rule : rules.active(EscalationTrigger.UNASSIGNED)) {
            fired += sweep(rule, now.truncatedTo(ChronoUnit.MICROS));
        }
        return fired;
    }

    private int sweep(EscalationRule rule, Instant now) {
        Instant to = now.minus(Duration.ofMinutes(rule.threshold()));
        Instant from = rule.sweptUntil() != null ? rule.sweptUntil() : to.minus(FIRST_LOOK_BACK);
        if (!to.isAfter(from)) {
            return 0;
        }
        int fired = 0;
        Instant afterCreated = from;
        long afterId = Long.MAX_VALUE; // first page: everything strictly after `from`
        while (true) {
            List<Due> batch = due(rule.minPriority(), afterCreated, afterId, to, BATCH);
            for (Due d : batch) {
                fired += escalations.fire(rule, d.id(), "UNASSIGNED", t -> t.getAssigneeId() == null) ? 1 : 0;
            }
            if (batch.size() < BATCH) {
                break;
            }
            afterCreated = batch.getLast().createdAt();
            afterId = batch.getLast().id();
        }
        transactions.executeWithoutResult(tx -> rules.lock(rule.id()).ifPresent(r -> {
            if (r.sweptUntil() == null || r.sweptUntil().isBefore(to)) {
                rules.sweptUntil(r.id(), to);
            }
        }));
        return fired;
    }

    record Due(long id, Instant createdAt) {
    }

    /**
     * Unassigned tickets of {@code minPriority} or more urgent created in (after, to], keyset after
     * (afterCreated, afterId). The same SQL is measured by bench/escalation/UnassignedDueQuery.java.
     */
    List<Due> due(Priority minPriority, Instant afterCreated, long afterId, Instant to, int limit) {
        String priorities = Arrays.stream(Priority.values()).filter(p -> p.ordinal() <= minPriority.ordinal())
                .map(p -> "'" + p.name() + "'").collect(Collectors.joining(", "));
        return jdbc.sql("""
                        select id, created_at from ticket
                        where priority in (%s) and assignee_id is null
                          and created_at >= ? and created_at <= ? and (created_at > ? or id > ?)
                          and status in ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'REOPENED')
                        order by created_at, id
                        fetch first %d rows only""".formatted(priorities, limit))
                .params(Timestamp.from(afterCreated), Timestamp.from(to), Timestamp.from(afterCreated),
                        afterId == Long.MAX_VALUE ? Long.MAX_VALUE : afterId)
                .query((rs, n) -> new Due(rs.getLong(1), NotificationStore.instant(rs, "created_at")))
                .list();
    }
}
