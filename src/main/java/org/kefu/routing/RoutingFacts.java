package org.kefu.routing;

/**
 * What routing rules look at on a new ticket. {@code source} is where in its channel the ticket came
 * in (see {@link RoutingSources}): a mailbox id for email, a chat or webhook channel id; else null.
 */
record RoutingFacts(String channel, String source, String complaintType, String product, String language, String tier) {
}
