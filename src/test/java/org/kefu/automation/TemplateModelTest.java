package org.kefu.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;

class TemplateModelTest {

    private static Actor actor(long id, Role role, Set<Long> departments, Set<Long> teams) {
        return new Actor(id, "a" + id, "a" + id + "@x", role, departments, teams);
    }

    @Test
    void personalTemplatesAreForTheirOwnerOnlyEvenAgainstAdmins() {
        Sharing mine = new Sharing(TemplateScope.PERSONAL, 7L, null, null);
        assertThat(mine.canSee(actor(7, Role.AGENT, Set.of(), Set.of()))).isTrue();
        assertThat(mine.canManage(actor(7, Role.AGENT, Set.of(), Set.of()))).isTrue();
        assertThat(mine.canSee(actor(8, Role.ADMIN, Set.of(), Set.of()))).isFalse();
    }

    @Test
    void sharedTemplatesAreSeenByTheirAudienceAndManagedBySupervisorsOfIt() {
        Sharing dept = new Sharing(TemplateScope.DEPARTMENT, null, null, 3L);
        assertThat(dept.canSee(actor(1, Role.AGENT, Set.of(3L), Set.of()))).isTrue();
        assertThat(dept.canManage(actor(1, Role.AGENT, Set.of(3L), Set.of()))).isFalse();
        assertThat(dept.canManage(actor(2, Role.SUPERVISOR, Set.of(3L), Set.of()))).isTrue();
        assertThat(dept.canSee(actor(2, Role.SUPERVISOR, Set.of(4L), Set.of()))).isFalse();
        Sharing team = new Sharing(TemplateScope.TEAM, null, 5L, null);
        assertThat(team.canSee(actor(1, Role.AGENT, Set.of(), Set.of(5L)))).isTrue();
        assertThat(team.canSee(actor(1, Role.AGENT, Set.of(), Set.of(6L)))).isFalse();
        Sharing all = new Sharing(TemplateScope.EVERYONE, null, null, null);
        assertThat(all.canSee(actor(1, Role.AGENT, Set.of(), Set.of()))).isTrue();
        assertThat(all.canManage(actor(1, Role.AGENT, Set.of(), Set.of()))).isFalse();
        assertThat(all.canManage(actor(9, Role.ADMIN, Set.of(), Set.of()))).isTrue();
    }

    @Test
    void theVariantIsTheCustomersLanguageElseSimplifiedChinese() {
        ReplyTemplate t = new ReplyTemplate(1, "道歉", "道歉", "Apology", "apology", "deescalation",
                new Sharing(TemplateScope.EVERYONE, null, null, null),
                Map.of(TemplateLanguage.ZH_CN, "简", TemplateLanguage.EN, "en"), 0, 0);
        assertThat(t.variantFor(TemplateLanguage.EN)).isEqualTo(TemplateLanguage.EN);
        assertThat(t.variantFor(TemplateLanguage.ZH_TW)).isEqualTo(TemplateLanguage.ZH_CN);
        assertThat(t.variantFor(null)).isEqualTo(TemplateLanguage.ZH_CN);
        assertThat(t.displayName(Locale.ENGLISH)).isEqualTo("Apology");
        ReplyTemplate englishOnly = new ReplyTemplate(2, "x", null, null, null, null,
                new Sharing(TemplateScope.EVERYONE, null, null, null), Map.of(TemplateLanguage.EN, "en"), 0, 0);
        assertThat(englishOnly.variantFor(TemplateLanguage.ZH_TW)).isEqualTo(TemplateLanguage.EN);
    }

    @Test
    void languageTagsAreReadLeniently() {
        assertThat(TemplateLanguage.of("zh-HK")).isEqualTo(TemplateLanguage.ZH_TW);
        assertThat(TemplateLanguage.of("zh-Hant-TW")).isEqualTo(TemplateLanguage.ZH_TW);
        assertThat(TemplateLanguage.of("zh")).isEqualTo(TemplateLanguage.ZH_CN);
        assertThat(TemplateLanguage.of("en-GB")).isEqualTo(TemplateLanguage.EN);
        assertThat(TemplateLanguage.of("fr")).isNull();
        assertThatThrownBy(() -> TemplateLanguage.parse("language", "fr")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTemplateNeedsTextAndKnownVariables() {
        TemplateInput none = new TemplateInput("x", null, null, null, null, TemplateScope.PERSONAL, null, null, " ", null, null);
        assertThatThrownBy(none::check).isInstanceOf(InvalidRequestException.class).hasMessageContaining("bodyZhCn");
        TemplateInput unknown = new TemplateInput("x", null, null, null, null, TemplateScope.TEAM, null, null, null, null,
                "Hi {{customer.nmae}}");
        assertThatThrownBy(unknown::check).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("{{customer.nmae}}").hasMessageContaining("teamId");
    }
}
