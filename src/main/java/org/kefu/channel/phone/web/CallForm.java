package org.kefu.channel.phone.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kefu.channel.phone.CallDirection;
import org.kefu.channel.phone.CallOutcome;
import org.kefu.channel.phone.NewCall;

/**
 * The call form of the pages, as submitted (kept to show again after a problem). The duration is
 * typed in minutes (decimals allowed); the call is taken to have ended just now.
 */
record CallForm(String direction, String number, String outcome, String minutes, String notes, String recordingUrl) {

    static CallForm empty(String number) {
        return new CallForm("INBOUND", number, "ANSWERED", "", "", "");
    }

    /** The call, or the problems by field name. */
    record Checked(NewCall call, Map<String, String> problems) {
    }

    Checked check(Validator validator, Clock clock) {
        Map<String, String> problems = new LinkedHashMap<>();
        CallDirection dir = parse(CallDirection.class, direction, "direction", problems);
        CallOutcome out = parse(CallOutcome.class, outcome, "outcome", problems);
        Integer seconds = null;
        if (minutes != null && !minutes.isBlank()) {
            try {
                double m = Double.parseDouble(minutes.strip().replace(',', '.'));
                if (m < 0 || m > 24 * 60 || Double.isNaN(m)) {
                    problems.put("minutes", "0 – 1440");
                } else {
                    seconds = (int) Math.round(m * 60);
                }
            } catch (NumberFormatException e) {
                problems.put("minutes", "0 – 1440");
            }
        }
        Instant now = clock.instant();
        NewCall call = new NewCall(dir, number == null ? null : number.strip(),
                seconds == null ? now : now.minusSeconds(seconds), seconds == null ? null : now, seconds, out,
                notes == null || notes.isBlank() ? null : notes, recordingUrl == null || recordingUrl.isBlank() ? null : recordingUrl.strip());
        for (ConstraintViolation<NewCall> v : validator.validate(call)) {
            problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        return new Checked(problems.isEmpty() ? call : null, problems);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> problems) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            problems.put(field, "?");
            return null;
        }
    }
}
