package org.kefu.platform.security;

import java.time.ZoneId;
import java.util.Locale;
import org.kefu.platform.Actor;

/** A principal (for example a form-login user) that knows the {@link Actor} it stands for. */
public interface ActorPrincipal {

    Actor actor();

    /** The person's saved UI language, or null for "not chosen". */
    default Locale locale() {
        return null;
    }

    /** The person's time zone, or null for the desk's default. */
    default ZoneId zone() {
        return null;
    }
}
