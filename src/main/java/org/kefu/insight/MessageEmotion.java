package org.kefu.insight;

import java.time.Instant;

/** The emotion read from one customer message of a ticket. */
public record MessageEmotion(long entryId, long ticketId, EmotionReading reading, Instant readAt) {
}
