package org.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kefu.agent.Skill;

/** Hand-picked cases of the skills-and-load decision. */
class AssignmentPolicyTest {

    private static final Instant NOW = Instant.parse("2026-02-16T02:00:00Z");

    private static AgentSnapshot agent(long id, int load, int max, int idleMinutes, Skill... skills) {
        return new AgentSnapshot(id, "agent" + id, true, load, max, NOW.minus(Duration.ofMinutes(idleMinutes)),
                NOW.minus(Duration.ofDays(1)), List.of(skills));
    }

    private static Skill lang(String value, int level) {
        return new Skill(Skill.Kind.LANGUAGE, value, level);
    }

    private static long choose(TicketNeeds needs, AgentSnapshot... team) {
        return AssignmentPolicy.choose(TeamStrategy.SKILLS_AND_LOAD, needs, List.of(team), NOW).orElseThrow().agent().agentId();
    }

    @Test
    void aVipTicketGoesToASeniorAgentEvenIfAJuniorIsLessBusy() {
        TicketNeeds vip = new TicketNeeds("zh-CN", null, null, true);
        assertThat(choose(vip, agent(1, 0, 5, 10, lang("zh-CN", 3)), agent(2, 3, 5, 10, lang("zh-CN", 4)))).isEqualTo(2);
        TicketNeeds regular = new TicketNeeds("zh-CN", null, null, false);
        assertThat(choose(regular, agent(1, 0, 5, 10, lang("zh", 4)), agent(2, 0, 5, 10, lang("zh-CN", 5)))).isEqualTo(2);
    }

    @Test
    void higherSkillLevelsWinThenTheLowerLoadRatioThenTheLongestIdle() {
        TicketNeeds needs = new TicketNeeds("en", "X200", null, false);
        Skill en = lang("en", 3);
        Skill x200 = new Skill(Skill.Kind.PRODUCT, "x200", 2);
        assertThat(choose(needs, agent(1, 0, 5, 99, en), agent(2, 4, 5, 1, en, x200))).as("product skill required").isEqualTo(2);
        assertThat(choose(needs, agent(1, 2, 4, 99, en, x200), agent(2, 1, 4, 1, en, x200))).as("lower load").isEqualTo(2);
        assertThat(choose(needs, agent(1, 1, 2, 5, en, x200), agent(2, 2, 4, 50, en, x200))).as("same ratio: idle").isEqualTo(2);
    }

    @Test
    void aLanguageNobodyInTheTeamSpeaksDoesNotHoldTheTicketBack() {
        TicketNeeds japanese = new TicketNeeds("ja", null, null, false);
        assertThat(choose(japanese, agent(1, 0, 5, 5, lang("zh-CN", 5)), agent(2, 0, 5, 50, lang("en", 5)))).isEqualTo(2);
    }

    @Test
    void anEnglishTicketWaitsForTheOnlyEnglishSpeakerRatherThanGoingToSomeoneElse() {
        AgentSnapshot busyEnglish = agent(1, 5, 5, 5, lang("en", 5));
        AgentSnapshot freeChinese = agent(2, 0, 5, 50, lang("zh-CN", 5));
        assertThat(AssignmentPolicy.choose(TeamStrategy.SKILLS_AND_LOAD, new TicketNeeds("en-GB", null, null, false),
                List.of(busyEnglish, freeChinese), NOW)).isEmpty();
        assertThat(AssignmentPolicy.choose(TeamStrategy.ROUND_ROBIN, new TicketNeeds("en-GB", null, null, false),
                List.of(busyEnglish, freeChinese), NOW).orElseThrow().agent().agentId()).isEqualTo(2);
    }

    @Test
    void theReasonNamesSkillsLoadAndIdleTime() {
        AssignmentChoice c = AssignmentPolicy.choose(TeamStrategy.SKILLS_AND_LOAD,
                new TicketNeeds("zh-CN", null, "REFUND", false),
                List.of(agent(7, 2, 5, 35, lang("zh-CN", 5), new Skill(Skill.Kind.COMPLAINT_TYPE, "REFUND", 3))), NOW)
                .orElseThrow();
        assertThat(c.reason()).isEqualTo("skills: zh-CN, REFUND; load 2/5; idle 35 min");
        assertThat(Assigning.notice(c).args()).containsExactly("agent7", "zh-CN, REFUND", "2", "5", "35");
    }
}
