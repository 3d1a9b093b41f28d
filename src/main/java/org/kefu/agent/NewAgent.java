package org.kefu.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.kefu.platform.Role;

/** An account to create. Without a password the agent can use API tokens only (until one is set). */
public record NewAgent(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull Role role,
        @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
        @Min(1) @Max(500) Integer maxLoad,
        @Pattern(regexp = "^(zh-CN|zh-TW|en)$", message = "must be zh-CN, zh-TW or en") String locale,
        @Size(max = 60) String timeZone,
        @Size(max = 50) List<@NotNull Long> departmentIds,
        @Size(max = 50) List<@NotNull Long> teamIds,
        @Size(max = 100) List<@Valid Skill> skills) {

    public NewAgent {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
