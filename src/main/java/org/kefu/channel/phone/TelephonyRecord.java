package org.kefu.channel.phone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A call record pushed by a telephony system. The customer's number is {@code from} for an
 * inbound call and {@code to} for an outbound one. {@code externalCallId} (the system's call id)
 * makes a resend a no-op. Without an outcome, a call with a duration counts as ANSWERED, else MISSED.
 */
public record TelephonyRecord(
        @NotNull @Pattern(regexp = "^\\+?[0-9 ()\\-.]{3,39}$", message = "must be a phone number") String from,
        @NotNull @Pattern(regexp = "^\\+?[0-9 ()\\-.]{3,39}$", message = "must be a phone number") String to,
        @NotNull CallDirection direction,
        @NotNull Instant start,
        Instant end,
        @Size(max = 320) String agentEmail,
        @Size(max = 2000) String recordingUrl,
        @NotBlank @Size(max = 200) String externalCallId,
        CallOutcome outcome,
        @Size(max = 4000) String notes) {
}
