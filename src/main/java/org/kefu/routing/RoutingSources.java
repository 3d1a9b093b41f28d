package org.kefu.routing;

import java.util.List;

/**
 * Implemented by channel adapters that take tickets in through several places (mailboxes, chat
 * widgets, webhook channels), so admins can route by them. Routing knows no channel: the channels
 * tell it their sources, and record the same key on each ticket they open.
 */
public interface RoutingSources {

    List<RoutingSource> routingSources();
}
