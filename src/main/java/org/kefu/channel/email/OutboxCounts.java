package org.kefu.channel.email;

/** How many outbox mails wait and how many failed for good, for the admin page. */
public record OutboxCounts(long pending, long failed) {
}
