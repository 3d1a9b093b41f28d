package org.kefu.channel.phone.web;

import java.time.Instant;
import org.kefu.channel.phone.CallDirection;
import org.kefu.channel.phone.CallOutcome;
import org.kefu.channel.phone.PhoneCall;

/** A logged call as the API and the pages show it. */
record PhoneCallView(long id, long ticketId, Long customerId, CallDirection direction, String number, Instant startedAt,
        Instant endedAt, Integer durationSeconds, CallOutcome outcome, String notes, String recordingUrl, Long agentId,
        String loggedBy, String externalCallId, Instant createdAt) {

    static PhoneCallView of(PhoneCall c) {
        return new PhoneCallView(c.getId(), c.getTicketId(), c.getCustomerId(), c.getDirection(), c.getNumber(),
                c.getStartedAt(), c.getEndedAt(), c.getDurationSeconds(), c.getOutcome(), c.getNotes(), c.getRecordingUrl(),
                c.getAgentId(), c.getLoggedBy(), c.getExternalCallId(), c.getCreatedAt());
    }

    /** m:ss, or null when unknown. */
    public String duration() {
        return durationSeconds == null ? null : durationSeconds / 60 + ":" + String.format("%02d", durationSeconds % 60);
    }
}
