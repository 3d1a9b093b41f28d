package org.kefu.ticket;

import org.kefu.platform.Actor;

/** Who wrote or did something on a ticket. */
public record Author(Type type, Long id, String name) {

    public enum Type {
        CUSTOMER, AGENT, SYSTEM
    }

    public static Author of(Actor actor) {
        return new Author(Type.AGENT, actor.id(), actor.name());
    }

    public static Author customer(Long customerId, String name) {
        return new Author(Type.CUSTOMER, customerId, name);
    }

    public static final Author SYSTEM = new Author(Type.SYSTEM, null, "Kefu");
}
