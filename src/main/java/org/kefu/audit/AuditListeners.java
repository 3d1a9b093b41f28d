package org.kefu.audit;

import org.kefu.agent.AgentEvents;
import org.kefu.customer.CustomersMerged;
import org.kefu.ticket.TicketEvents;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns events from other modules into audit lines. Listeners run in the publisher's
 * transaction, so an action and its audit line commit (or roll back) together.
 */
@Component
class AuditListeners {

    private final AuditLog log;

    AuditListeners(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken) {
            log.record(null, event.getAuthentication().getName(), "SIGN_IN", "agent", null, null);
        }
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        log.record(null, String.valueOf(event.getAuthentication().getName()), "SIGN_IN_FAILED", "agent", null,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void agentCreated(AgentEvents.AgentCreated e) {
        log.record(e.actorId(), null, "AGENT_CREATED", "agent", e.agentId(), e.email() + " as " + e.role());
    }

    @EventListener
    void roleChanged(AgentEvents.AgentRoleChanged e) {
        log.record(e.actorId(), null, "ROLE_CHANGED", "agent", e.agentId(), e.email() + ": " + e.from() + " -> " + e.to());
    }

    @EventListener
    void placementChanged(AgentEvents.AgentPlacementChanged e) {
        log.record(e.actorId(), null, "PERMISSION_CHANGED", "agent", e.agentId(),
                e.email() + ": departments " + e.departmentIds() + ", teams " + e.teamIds());
    }

    @EventListener
    void deactivated(AgentEvents.AgentDeactivated e) {
        log.record(e.actorId(), null, "AGENT_DEACTIVATED", "agent", e.agentId(), e.email());
    }

    @EventListener
    void passwordChanged(AgentEvents.PasswordChanged e) {
        log.record(e.agentId(), null, "PASSWORD_CHANGED", "agent", e.agentId(), null);
    }

    @EventListener
    void lockedOut(AgentEvents.AgentLockedOut e) {
        log.record(null, e.email(), "AGENT_LOCKED_OUT", "agent", e.agentId(), null);
    }

    @EventListener
    void tokenCreated(AgentEvents.ApiTokenCreated e) {
        log.record(e.actorId(), null, "TOKEN_CREATED", "api_token", e.tokenId(), "'" + e.name() + "' for agent " + e.agentId());
    }

    @EventListener
    void tokenRevoked(AgentEvents.ApiTokenRevoked e) {
        log.record(e.actorId(), null, "TOKEN_REVOKED", "api_token", e.tokenId(), "'" + e.name() + "' of agent " + e.agentId());
    }

    @EventListener
    void ticketsMerged(TicketEvents.TicketsMerged e) {
        log.record(e.actorId(), null, "TICKET_MERGED", "ticket", e.survivorId(), e.mergedNumber() + " into " + e.survivorNumber());
    }

    @EventListener
    void customersMerged(CustomersMerged e) {
        log.record(e.actorId(), null, "CUSTOMER_MERGED", "customer", e.survivorId(), "customer " + e.mergedId() + " merged in");
    }

    @EventListener
    void indexRebuilt(TicketEvents.SearchIndexRebuildStarted e) {
        log.record(e.actorId(), null, "SEARCH_INDEX_REBUILD", "search_index", null, null);
    }
}
