package org.kefu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.kefu.agent.Skill;

/**
 * One assignment decision among N agents (default 1,000), the pure {@link AssignmentPolicy} on an
 * in-memory team snapshot: the part of an assignment that grows with the team. Issue 5 target:
 * under 1 ms. Warm-up first (JIT), then each decision is timed on its own; prints mean, p50, p99 and
 * max in microseconds. Run with bench/routing/run.sh.
 *
 * Arguments: --agents=1000 --warmup=200000 --decisions=200000 --seed=42
 */
public final class RoutingDecisionBench {

    private static final List<String> LANGUAGES = List.of("zh-CN", "zh-TW", "en", "ja", "ko");
    private static final List<String> TYPES = List.of("SERVICE_ERROR", "PRODUCT_DEFECT", "CUSTOMER_MISUNDERSTANDING", "REFUND");

    public static void main(String[] args) {
        int agents = intArg(args, "agents", 1000);
        int warmup = intArg(args, "warmup", 200_000);
        int decisions = intArg(args, "decisions", 200_000);
        SplittableRandom r = new SplittableRandom(intArg(args, "seed", 42));
        Instant now = Instant.parse("2026-02-16T02:00:00Z");

        List<AgentSnapshot> team = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            List<Skill> skills = new ArrayList<>();
            skills.add(new Skill(Skill.Kind.LANGUAGE, LANGUAGES.get(r.nextInt(LANGUAGES.size())), r.nextInt(1, 6)));
            if (r.nextInt(2) == 0) {
                skills.add(new Skill(Skill.Kind.LANGUAGE, LANGUAGES.get(r.nextInt(LANGUAGES.size())), r.nextInt(1, 6)));
            }
            skills.add(new Skill(Skill.Kind.PRODUCT, "P" + r.nextInt(50), r.nextInt(1, 6)));
            skills.add(new Skill(Skill.Kind.COMPLAINT_TYPE, TYPES.get(r.nextInt(TYPES.size())), r.nextInt(1, 6)));
            int max = r.nextInt(3, 11);
            team.add(new AgentSnapshot(i + 1, "agent" + i, r.nextInt(10) < 7, r.nextInt(0, max + 1), max,
                    now.minus(Duration.ofSeconds(r.nextInt(1, 36_000))), now.minus(Duration.ofHours(r.nextInt(1, 9))), skills));
        }
        TicketNeeds[] tickets = new TicketNeeds[1024];
        for (int i = 0; i < tickets.length; i++) {
            tickets[i] = new TicketNeeds(LANGUAGES.get(r.nextInt(LANGUAGES.size())), "P" + r.nextInt(60),
                    TYPES.get(r.nextInt(TYPES.size())), r.nextInt(5) == 0);
        }
        TeamStrategy[] strategies = {TeamStrategy.SKILLS_AND_LOAD, TeamStrategy.ROUND_ROBIN};

        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += AssignmentPolicy.choose(strategies[i & 1], tickets[i & 1023], team, now).map(c -> c.agent().agentId()).orElse(0L);
        }
        for (TeamStrategy strategy : strategies) {
            long[] nanos = new long[decisions];
            int assigned = 0;
            for (int i = 0; i < decisions; i++) {
                long t0 = System.nanoTime();
                var choice = AssignmentPolicy.choose(strategy, tickets[i & 1023], team, now);
                nanos[i] = System.nanoTime() - t0;
                if (choice.isPresent()) {
                    assigned++;
                    sink += choice.get().agent().agentId();
                }
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1000.0;
            System.out.printf("%-16s agents=%d decisions=%d found=%d  mean=%.1f us  p50=%.1f us  p99=%.1f us  max=%.1f us%n",
                    strategy, agents, decisions, assigned, mean, nanos[decisions / 2] / 1000.0,
                    nanos[(int) (decisions * 0.99)] / 1000.0, nanos[decisions - 1] / 1000.0);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 3));
            }
        }
        return fallback;
    }
}
