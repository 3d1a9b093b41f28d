package org.kefu.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Something an agent is good at: a language (zh-CN), a product, a complaint type; level 1–5. */
@Embeddable
public record Skill(
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "kind", nullable = false) Kind kind,
        @NotBlank @Size(max = 100) @Column(name = "skill_value", nullable = false) String value,
        @NotNull @Min(1) @Max(5) @Column(name = "skill_level", nullable = false) Integer level) {

    public enum Kind {
        LANGUAGE, PRODUCT, COMPLAINT_TYPE
    }
}
