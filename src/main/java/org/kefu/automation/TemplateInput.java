package org.kefu.automation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/** A template as created or replaced through the page or the API. */
public record TemplateInput(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String nameZhTw,
        @Size(max = 100) String nameEn,
        @Pattern(regexp = "^[A-Za-z0-9_-]{0,40}$", message = "letters, digits, - and _ only, at most 40") String shortcut,
        @Size(max = 40) String category,
        @NotNull TemplateScope scope,
        Long teamId,
        Long departmentId,
        @Size(max = 8000) String bodyZhCn,
        @Size(max = 8000) String bodyZhTw,
        @Size(max = 8000) String bodyEn) {

    public Map<TemplateLanguage, String> bodies() {
        Map<TemplateLanguage, String> b = new EnumMap<>(TemplateLanguage.class);
        b.put(TemplateLanguage.ZH_CN, blankToNull(bodyZhCn));
        b.put(TemplateLanguage.ZH_TW, blankToNull(bodyZhTw));
        b.put(TemplateLanguage.EN, blankToNull(bodyEn));
        return b;
    }

    /** Rules across fields, and variables that are known and well-formed. */
    void check() {
        List<FieldProblem> problems = new ArrayList<>();
        if (bodies().values().stream().allMatch(java.util.Objects::isNull)) {
            problems.add(new FieldProblem("bodyZhCn", "write the text in at least one language"));
        }
        if (scope == TemplateScope.TEAM && teamId == null) {
            problems.add(new FieldProblem("teamId", "a team template needs a team"));
        }
        if (scope == TemplateScope.DEPARTMENT && departmentId == null) {
            problems.add(new FieldProblem("departmentId", "a department template needs a department"));
        }
        check("bodyZhCn", bodyZhCn, problems);
        check("bodyZhTw", bodyZhTw, problems);
        check("bodyEn", bodyEn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static void check(String field, String body, List<FieldProblem> problems) {
        if (body == null) {
            return;
        }
        List<String> bad = TemplateRenderer.badVariables(body);
        if (!bad.isEmpty()) {
            problems.add(new FieldProblem(field, "unknown or malformed variables " + bad + "; known: "
                    + TemplateRenderer.VARIABLES + ", custom.<key>, ask.<what the agent must fill>"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
