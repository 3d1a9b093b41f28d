package org.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kefu.agent.Skill;

/** Seeded random teams and tickets: the decision's guarantees hold for every one of them. */
class AssignmentPolicyPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-02-16T02:00:00Z");
    private static final List<String> LANGUAGES = List.of("zh-CN", "zh-TW", "en", "ja");
    private static final List<String> PRODUCTS = List.of("X200", "Y300", "会员卡");
    private static final List<String> TYPES = List.of("SERVICE_ERROR", "PRODUCT_DEFECT", "REFUND");

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 300; s++) {
            seeds.add(s * 7919);
        }
        return seeds;
    }

    static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    static List<AgentSnapshot> team(RandomGenerator r) {
        int size = r.nextInt(0, 30);
        List<AgentSnapshot> team = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int max = r.nextInt(1, 6);
            int load = r.nextInt(0, max + 2);
            List<Skill> skills = new ArrayList<>();
            if (r.nextBoolean()) {
                skills.add(new Skill(Skill.Kind.LANGUAGE, pick(r, LANGUAGES), r.nextInt(1, 6)));
            }
            if (r.nextInt(3) == 0) {
                skills.add(new Skill(Skill.Kind.PRODUCT, pick(r, PRODUCTS), r.nextInt(1, 6)));
            }
            if (r.nextInt(3) == 0) {
                skills.add(new Skill(Skill.Kind.COMPLAINT_TYPE, pick(r, TYPES), r.nextInt(1, 6)));
            }
            Instant last = r.nextInt(4) == 0 ? null : NOW.minus(Duration.ofMinutes(r.nextInt(0, 6) * 10L));
            Instant since = NOW.minus(Duration.ofMinutes(r.nextInt(0, 6) * 10L));
            team.add(new AgentSnapshot(100 + i, "a" + i, r.nextInt(3) > 0, load, max, last, since, skills));
        }
        return team;
    }

    static TicketNeeds needs(RandomGenerator r) {
        return new TicketNeeds(r.nextBoolean() ? pick(r, LANGUAGES) : null, r.nextBoolean() ? pick(r, PRODUCTS) : null,
                r.nextBoolean() ? pick(r, TYPES) : null, r.nextInt(4) == 0);
    }

    private static <T> T pick(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverPicksAnAgentAtOrOverTheMaximumOrNotAvailable(long seed) {
        RandomGenerator r = random(seed);
        List<AgentSnapshot> team = team(r);
        TicketNeeds needs = needs(r);
        for (TeamStrategy strategy : TeamStrategy.values()) {
            AssignmentPolicy.choose(strategy, needs, team, NOW).ifPresent(c -> {
                assertThat(c.agent().load()).as("seed %d", seed).isLessThan(c.agent().maxLoad());
                assertThat(c.agent().available()).as("seed %d", seed).isTrue();
                assertThat(team).contains(c.agent());
            });
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void alwaysPicksSomeoneWhenAnEligibleAgentExists(long seed) {
        RandomGenerator r = random(seed);
        List<AgentSnapshot> team = team(r);
        TicketNeeds needs = needs(r);
        boolean anyFree = team.stream().anyMatch(AgentSnapshot::canTakeWork);
        assertThat(AssignmentPolicy.choose(TeamStrategy.ROUND_ROBIN, needs, team, NOW).isPresent()).as("seed %d", seed)
                .isEqualTo(anyFree);
        boolean anyEligible = team.stream().anyMatch(a -> a.canTakeWork() && hasRequiredSkills(a, needs, team));
        assertThat(AssignmentPolicy.choose(TeamStrategy.SKILLS_AND_LOAD, needs, team, NOW).isPresent()).as("seed %d", seed)
                .isEqualTo(anyEligible);
        assertThat(AssignmentPolicy.choose(TeamStrategy.MANUAL, needs, team, NOW)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void amongEqualsTheLongestIdleIsPicked(long seed) {
        RandomGenerator r = random(seed);
        int size = r.nextInt(2, 20);
        int load = r.nextInt(0, 3);
        List<Skill> skills = List.of(new Skill(Skill.Kind.LANGUAGE, "zh-CN", 3));
        List<AgentSnapshot> team = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Instant last = NOW.minus(Duration.ofSeconds(r.nextInt(1, 100_000)));
            team.add(new AgentSnapshot(1000 - i, "a" + i, true, load, 5, last, NOW.minus(Duration.ofDays(2)), skills));
        }
        AgentSnapshot longestIdle = team.stream()
                .min(Comparator.comparing(AgentSnapshot::lastAssignedAt).thenComparing(AgentSnapshot::agentId)).orElseThrow();
        TicketNeeds needs = new TicketNeeds("zh-CN", null, null, r.nextBoolean());
        for (TeamStrategy strategy : List.of(TeamStrategy.ROUND_ROBIN, TeamStrategy.SKILLS_AND_LOAD)) {
            Optional<AssignmentChoice> choice = AssignmentPolicy.choose(strategy, needs, team, NOW);
            assertThat(choice).as("seed %d", seed).isPresent();
            assertThat(choice.get().agent()).as("seed %d %s", seed, strategy).isEqualTo(longestIdle);
            assertThat(choice.get().idle()).isEqualTo(Duration.between(longestIdle.lastAssignedAt(), NOW));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theChosenSkilledAgentHasEverySkillTheTeamCanOffer(long seed) {
        RandomGenerator r = random(seed);
        List<AgentSnapshot> team = team(r);
        TicketNeeds needs = needs(r);
        AssignmentPolicy.choose(TeamStrategy.SKILLS_AND_LOAD, needs, team, NOW)
                .ifPresent(c -> assertThat(hasRequiredSkills(c.agent(), needs, team)).as("seed %d", seed).isTrue());
    }

    /** The rule stated independently: a need is required when any team member has it. */
    private static boolean hasRequiredSkills(AgentSnapshot a, TicketNeeds needs, List<AgentSnapshot> team) {
        return covers(a, Skill.Kind.LANGUAGE, needs.language(), team) && covers(a, Skill.Kind.PRODUCT, needs.product(), team)
                && covers(a, Skill.Kind.COMPLAINT_TYPE, needs.complaintType(), team);
    }

    private static boolean covers(AgentSnapshot a, Skill.Kind kind, String value, List<AgentSnapshot> team) {
        boolean required = team.stream().anyMatch(m -> AssignmentPolicy.level(m, kind, value) > 0);
        return !required || AssignmentPolicy.level(a, kind, value) > 0;
    }
}
