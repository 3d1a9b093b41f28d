package org.kefu.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/**
 * A routing rule as admins send it; blank conditions match anything; department and/or team is
 * required. A source (a mailbox, chat or webhook channel: see {@link RoutingSources}) needs its channel.
 */
public record RoutingRuleInput(String name, Integer position, Boolean active, String channel, String source,
                               String complaintType,
                               String product, String language, String tier, Long departmentId, Long teamId) {

    private static final Set<String> CHANNELS = java.util.Arrays.stream(Channel.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    RoutingRule validate(Long id, long version) {
        List<FieldProblem> problems = new ArrayList<>();
        String n = blankToNull(name);
        if (n == null) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (n.length() > 100) {
            problems.add(new FieldProblem("name", "must be at most 100 characters"));
        }
        String c = blankToNull(channel) == null ? null : channel.strip().toUpperCase(Locale.ROOT);
        if (c != null && !CHANNELS.contains(c)) {
            problems.add(new FieldProblem("channel", "must be one of " + String.join(", ", CHANNELS.stream().sorted().toList())));
        }
        length(problems, "source", source, 200);
        if (blankToNull(source) != null && c == null) {
            problems.add(new FieldProblem("source", "give the channel the source belongs to"));
        }
        length(problems, "complaintType", complaintType, 40);
        length(problems, "product", product, 200);
        length(problems, "language", language, 20);
        if (blankToNull(language) != null && !language.strip().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            problems.add(new FieldProblem("language", "must be a language tag such as zh-CN or en"));
        }
        length(problems, "tier", tier, 40);
        if (departmentId == null && teamId == null) {
            problems.add(new FieldProblem("teamId", "give a team and/or a department to route to"));
        }
        if (position != null && (position < 0 || position > 1_000_000)) {
            problems.add(new FieldProblem("position", "must be between 0 and 1000000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new RoutingRule(id, n, position == null ? 100 : position, active == null || active,
                new RoutingRule.Conditions(c, blankToNull(source), blankToNull(complaintType), blankToNull(product),
                        blankToNull(language) == null ? null : language.strip().replace('_', '-'),
                        blankToNull(tier) == null ? null : tier.strip().toUpperCase(Locale.ROOT)),
                departmentId, teamId, version);
    }

    private static void length(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
