package org.kefu.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/**
 * An SLA policy as admins send it. Targets are ISO-8601 durations of business time
 * ({@code PT30M}, {@code PT2H}, {@code PT15S}); null means not measured.
 */
public record SlaPolicyInput(String name, Integer position, Boolean active, Long calendarId, String tier,
                             String priority, String channel, String complaintType, String organisation, String tag,
                             String firstResponse, String nextResponse, String resolution, Boolean pauseOnInternal,
                             Integer warnPercent) {

    private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4");
    private static final Set<String> CHANNELS = Set.of("EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API");
    static final Duration MAX_TARGET = Duration.ofDays(365);

    /** What {@link ManagingSlaPolicies} would refuse in this input by itself (not yet the name's uniqueness), for forms. */
    public List<FieldProblem> problems() {
        try {
            validate(null, 0);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems();
        }
    }

    SlaPolicy validate(Long id, long version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.strip().length() > 100) {
            problems.add(new FieldProblem("name", "must be at most 100 characters"));
        }
        if (calendarId == null) {
            problems.add(new FieldProblem("calendarId", "must not be null"));
        }
        String p = upper(priority);
        if (p != null && !PRIORITIES.contains(p)) {
            problems.add(new FieldProblem("priority", "must be P1, P2, P3 or P4"));
        }
        String c = upper(channel);
        if (c != null && !CHANNELS.contains(c)) {
            problems.add(new FieldProblem("channel", "must be one of " + String.join(", ", CHANNELS.stream().sorted().toList())));
        }
        length(problems, "tier", tier, 40);
        length(problems, "complaintType", complaintType, 40);
        length(problems, "organisation", organisation, 200);
        length(problems, "tag", tag, 60);
        Duration first = duration(problems, "firstResponse", firstResponse);
        Duration next = duration(problems, "nextResponse", nextResponse);
        Duration resolve = duration(problems, "resolution", resolution);
        if (problems.isEmpty() && first == null && next == null && resolve == null) {
            problems.add(new FieldProblem("firstResponse", "a policy needs at least one target"));
        }
        int warn = warnPercent == null ? 80 : warnPercent;
        if (warn < 1 || warn > 100) {
            problems.add(new FieldProblem("warnPercent", "must be between 1 and 100"));
        }
        if (position != null && (position < 0 || position > 1_000_000)) {
            problems.add(new FieldProblem("position", "must be between 0 and 1000000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new SlaPolicy(id, name.strip(), position == null ? 1000 : position, active == null || active, calendarId,
                new SlaPolicy.Conditions(blank(tier) == null ? null : tier.strip().toUpperCase(Locale.ROOT), p, c,
                        blank(complaintType), blank(organisation), blank(tag)),
                first, next, resolve, Boolean.TRUE.equals(pauseOnInternal), warn, version);
    }

    private static Duration duration(List<FieldProblem> problems, String field, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_TARGET) > 0) {
                problems.add(new FieldProblem(field, "must be more than zero and at most 365 days"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 duration such as PT30M, PT2H or PT15S"));
            return null;
        }
    }

    private static void length(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static String upper(String s) {
        return blank(s) == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
