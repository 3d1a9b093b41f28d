package org.kefu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kefu.agent.Skill;

/**
 * The assignment decision: pure, over an in-memory snapshot of a team. An agent is eligible when
 * AVAILABLE and strictly below their maximum load. For {@link TeamStrategy#SKILLS_AND_LOAD} the
 * ticket's language, product and complaint type are required skills whenever at least one team
 * member has that skill (a team that declares nobody for a product does not make every ticket wait);
 * among eligible agents: for VIP tickets senior agents first, then the higher summed level of the
 * matching skills, then the lower load ratio, then the longest idle, then the lower id.
 * {@link TeamStrategy#ROUND_ROBIN} takes the eligible agent idle longest. One pass over the team,
 * no allocation per agent beyond the winner's reason.
 */
final class AssignmentPolicy {

    private AssignmentPolicy() {
    }

    static Optional<AssignmentChoice> choose(TeamStrategy strategy, TicketNeeds needs, List<AgentSnapshot> team,
                                             Instant now) {
        return switch (strategy) {
            case MANUAL -> Optional.empty();
            case ROUND_ROBIN -> roundRobin(team, now);
            case SKILLS_AND_LOAD -> skillsAndLoad(needs, team, now);
        };
    }

    private static Optional<AssignmentChoice> roundRobin(List<AgentSnapshot> team, Instant now) {
        AgentSnapshot best = null;
        for (AgentSnapshot a : team) {
            if (a.canTakeWork() && (best == null || fairer(a, best) < 0)) {
                best = a;
            }
        }
        return Optional.ofNullable(best).map(b -> new AssignmentChoice(b, TeamStrategy.ROUND_ROBIN, List.of(), idle(b, now), false));
    }

    private static Optional<AssignmentChoice> skillsAndLoad(TicketNeeds needs, List<AgentSnapshot> team, Instant now) {
        int n = team.size();
        int[] levels = new int[n * 3];
        boolean needLanguage = false;
        boolean needProduct = false;
        boolean needType = false;
        for (int i = 0; i < n; i++) {
            AgentSnapshot a = team.get(i);
            int language = levels[3 * i] = level(a, Skill.Kind.LANGUAGE, needs.language());
            int product = levels[3 * i + 1] = level(a, Skill.Kind.PRODUCT, needs.product());
            int type = levels[3 * i + 2] = level(a, Skill.Kind.COMPLAINT_TYPE, needs.complaintType());
            needLanguage |= language > 0;
            needProduct |= product > 0;
            needType |= type > 0;
        }
        AgentSnapshot best = null;
        int bestScore = -1;
        for (int i = 0; i < n; i++) {
            AgentSnapshot a = team.get(i);
            if (!a.canTakeWork()) {
                continue;
            }
            int language = levels[3 * i];
            int product = levels[3 * i + 1];
            int type = levels[3 * i + 2];
            if ((needLanguage && language == 0) || (needProduct && product == 0) || (needType && type == 0)) {
                continue;
            }
            int score = language + product + type;
            if (best == null || better(a, score, best, bestScore, needs.seniorFirst()) < 0) {
                best = a;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new AssignmentChoice(best, TeamStrategy.SKILLS_AND_LOAD, matched(best, needs), idle(best, now),
                needs.seniorFirst() && best.senior()));
    }

    /** Negative when {@code a} should get the ticket rather than {@code b}. */
    private static int better(AgentSnapshot a, int scoreA, AgentSnapshot b, int scoreB, boolean seniorFirst) {
        if (seniorFirst && a.senior() != b.senior()) {
            return a.senior() ? -1 : 1;
        }
        if (scoreA != scoreB) {
            return scoreA > scoreB ? -1 : 1;
        }
        // lower load ratio first: a.load / a.max < b.load / b.max, compared without division
        long ratio = Long.compare((long) a.load() * b.maxLoad(), (long) b.load() * a.maxLoad());
        if (ratio != 0) {
            return (int) ratio;
        }
        return fairer(a, b);
    }

    /** Longest idle first (never idle-stamped counts as longest), then the lower id. */
    private static int fairer(AgentSnapshot a, AgentSnapshot b) {
        Instant x = a.idleSince();
        Instant y = b.idleSince();
        if (x == null || y == null) {
            if (x != y) {
                return x == null ? -1 : 1;
            }
        } else if (!x.equals(y)) {
            return x.compareTo(y);
        }
        return Long.compare(a.agentId(), b.agentId());
    }

    /** The agent's level in the skill matching {@code value} (0 when none or no value is asked for). */
    static int level(AgentSnapshot a, Skill.Kind kind, String value) {
        if (value == null) {
            return 0;
        }
        int best = 0;
        List<Skill> skills = a.skills();
        for (int i = 0, n = skills.size(); i < n; i++) {
            Skill s = skills.get(i);
            if (s.kind() == kind && s.level() != null && s.level() > best && matches(kind, s.value(), value)) {
                best = s.level();
            }
        }
        return best;
    }

    private static boolean matches(Skill.Kind kind, String skill, String wanted) {
        return kind == Skill.Kind.LANGUAGE ? RoutingRule.Languages.match(skill, wanted) : skill.equalsIgnoreCase(wanted.strip());
    }

    private static List<String> matched(AgentSnapshot a, TicketNeeds needs) {
        List<String> result = new ArrayList<>(3);
        add(result, a, Skill.Kind.LANGUAGE, needs.language());
        add(result, a, Skill.Kind.PRODUCT, needs.product());
        add(result, a, Skill.Kind.COMPLAINT_TYPE, needs.complaintType());
        return result;
    }

    private static void add(List<String> result, AgentSnapshot a, Skill.Kind kind, String value) {
        if (value == null) {
            return;
        }
        for (Skill s : a.skills()) {
            if (s.kind() == kind && matches(kind, s.value(), value)) {
                result.add(s.value());
                return;
            }
        }
    }

    private static Duration idle(AgentSnapshot a, Instant now) {
        Instant since = a.idleSince();
        return since == null ? null : Duration.between(since, now);
    }
}
