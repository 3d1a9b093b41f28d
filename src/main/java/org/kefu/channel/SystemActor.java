package org.kefu.channel;

import java.util.Set;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;

/**
 * The desk itself acting for a channel (a webhook gateway, a telephony system) where no agent is
 * signed in: it may record customer messages on any ticket. Never handed to a person.
 */
public final class SystemActor {

    public static final Actor INSTANCE = new Actor(0, "Kefu", "kefu@localhost", Role.ADMIN, Set.of(), Set.of());

    private SystemActor() {
    }
}
