package org.kefu.agent.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentChanges;
import org.kefu.agent.Department;
import org.kefu.agent.NewAgent;
import org.kefu.agent.Skill;
import org.kefu.agent.Team;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;

/**
 * The agent form as typed: skills come as parallel lists (one row per skill). Kept as typed, so a
 * form with a problem shows again with everything the admin entered.
 */
record AgentForm(String email, String displayName, Role role, List<Long> departmentIds, List<Long> teamIds,
        List<String> skillKind, List<String> skillValue, List<Integer> skillLevel, Integer maxLoad, String locale,
        String timeZone) {

    static final int BLANK_SKILL_ROWS = 2;

    AgentForm {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
        skillKind = skillKind == null ? List.of() : skillKind.stream().map(k -> k == null ? "" : k).toList();
        skillValue = skillValue == null ? List.of() : skillValue.stream().map(v -> v == null ? "" : v).toList();
        skillLevel = skillLevel == null ? List.of() : skillLevel.stream().map(l -> l == null ? 3 : l).toList();
    }

    static AgentForm blank() {
        return new AgentForm("", "", Role.AGENT, List.of(), List.of(), List.of(), List.of(), List.of(), 10, "zh-CN",
                "Asia/Shanghai");
    }

    static AgentForm of(Agent a) {
        List<Skill> skills = a.getSkills().stream()
                .sorted(java.util.Comparator.comparing(Skill::kind).thenComparing(Skill::value)).toList();
        return new AgentForm(a.getEmail(), a.getDisplayName(), a.getRole(),
                a.getDepartments().stream().map(Department::getId).sorted().toList(),
                a.getTeams().stream().map(Team::getId).sorted().toList(),
                skills.stream().map(s -> s.kind().name()).toList(), skills.stream().map(Skill::value).toList(),
                skills.stream().map(Skill::level).toList(), a.getMaxLoad(), a.getLocale(), a.getTimeZone());
    }

    /** The skill rows to show: the typed ones plus a few blank ones for adding. */
    public List<SkillRow> skillRows() {
        List<SkillRow> rows = new ArrayList<>();
        for (int i = 0; i < skillValue.size(); i++) {
            if (!skillValue.get(i).isBlank()) {
                rows.add(new SkillRow(i < skillKind.size() ? skillKind.get(i) : "LANGUAGE", skillValue.get(i),
                        i < skillLevel.size() ? skillLevel.get(i) : 3));
            }
        }
        for (int i = 0; i < BLANK_SKILL_ROWS; i++) {
            rows.add(new SkillRow("LANGUAGE", "", 3));
        }
        return rows;
    }

    record SkillRow(String kind, String value, int level) {
    }

    List<Skill> skills() {
        List<Skill> skills = new ArrayList<>();
        for (int i = 0; i < skillValue.size(); i++) {
            String value = skillValue.get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            Skill.Kind kind;
            try {
                kind = Skill.Kind.valueOf(i < skillKind.size() ? skillKind.get(i).toUpperCase(Locale.ROOT) : "");
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.of("skills", "unknown skill kind " + skillKind.get(i));
            }
            skills.add(new Skill(kind, value, i < skillLevel.size() ? skillLevel.get(i) : 3));
        }
        return skills;
    }

    NewAgent toNewAgent() {
        return new NewAgent(trim(email), trim(displayName), role, null, maxLoad, blankToNull(locale), blankToNull(timeZone),
                departmentIds, teamIds, skills());
    }

    /** Every field of the form replaces the stored one; unticked boxes mean "none". */
    AgentChanges toChanges() {
        return new AgentChanges(trim(displayName), role, null, maxLoad, blankToNull(locale), blankToNull(timeZone),
                departmentIds, teamIds, skills(), null);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
