package org.kefu.routing;

/**
 * What routing rules look at on a new ticket. {@code source} is the channel's own source (a mailbox
 * address, a chat widget) once channels record one; it is null until then.
 */
record RoutingFacts(String channel, String source, String complaintType, String product, String language, String tier) {
}
