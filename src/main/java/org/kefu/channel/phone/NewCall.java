package org.kefu.channel.phone;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A call an agent logs. {@code startedAt} defaults to now; the duration, if not given, is
 * {@code endedAt - startedAt}.
 *
 * @param number the customer's number
 */
public record NewCall(
        @NotNull CallDirection direction,
        @NotNull @Pattern(regexp = "^\\+?[0-9 ()\\-.]{3,39}$", message = "must be a phone number") String number,
        Instant startedAt,
        Instant endedAt,
        Integer durationSeconds,
        @NotNull CallOutcome outcome,
        @Size(max = 4000) String notes,
        @Size(max = 2000) String recordingUrl) {
}
