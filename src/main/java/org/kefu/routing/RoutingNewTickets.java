package org.kefu.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.kefu.agent.AgentDirectory;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.TierRanking;
import org.kefu.ticket.Author;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.SystemTicketWork;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.Tickets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the first matching routing rule to a newly opened ticket whose opener chose neither a team
 * nor an assignee, and says on the timeline which rule routed it. Runs inside the opening
 * transaction: the ticket and its routing commit together.
 */
@Component
class RoutingNewTickets {

    /** A ticket opened with a creation time further back than this (an import, demo data) is not routed. */
    static final Duration BACKDATED = Duration.ofHours(1);

    private final RoutingRules rules;
    private final Tickets tickets;
    private final TicketWork work;
    private final SystemTicketWork systemWork;
    private final AgentDirectory agents;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CustomerDirectory customers;

    RoutingNewTickets(RoutingRules rules, Tickets tickets, TicketWork work, SystemTicketWork systemWork, AgentDirectory agents,
                      PlatformTransactionManager transactionManager, Clock clock, CustomerDirectory customers) {
        this.customers = customers;
        this.rules = rules;
        this.tickets = tickets;
        this.work = work;
        this.systemWork = systemWork;
        this.agents = agents;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Returns the rule that routed the ticket, if any. */
    Optional<RoutingRule> route(long ticketId) {
        return Optional.ofNullable(transactions.execute(tx -> {
            if (!rules.anyActive()) {
                return null;
            }
            Ticket ticket = tickets.findById(ticketId).orElse(null);
            if (ticket == null || ticket.getTeamId() != null || ticket.getAssigneeId() != null
                    || !ticket.getStatus().isActive()
                    || (ticket.getCreatedAt() != null && ticket.getCreatedAt().isBefore(clock.instant().minus(BACKDATED)))) {
                return null;
            }
            RoutingRule rule = RoutingRule.firstMatch(rules.ordered(), factsOf(ticket)).orElse(null);
            if (rule == null) {
                return null;
            }
            systemWork.route(ticketId, rule.departmentId(), rule.teamId(), null, Author.SYSTEM);
            String target = rule.teamId() != null ? agents.team(rule.teamId()).getName()
                    : agents.department(rule.departmentId()).getName();
            work.recordNotice(ticketId, TicketNotice.info("routing.routed", rule.name(), target), Author.SYSTEM);
            return rule;
        }));
    }

    private RoutingFacts factsOf(Ticket t) {
        String tier = customers.tierOf(t.getCustomer()).map(TierRanking.Tier::code).orElse(null);
        return new RoutingFacts(t.getChannel() == null ? null : t.getChannel().name(), t.getSource(), t.getComplaintType(),
                t.getProductRef(), t.getCustomer().getPreferredLanguage(), tier);
    }
}
