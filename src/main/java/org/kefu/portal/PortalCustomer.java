package org.kefu.portal;

import java.io.Serializable;

/**
 * The customer signed in to the portal: the principal of a portal session. Deliberately not an
 * agent {@code ActorPrincipal}: a customer session never acts as an agent.
 */
public record PortalCustomer(long customerId, String name, String email) implements Serializable {
}
