package org.kefu.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.PageSession;

/** The ticket page's template and macro endpoints, as the browser calls them (session, CSRF, htmx). */
class ComposerPagesIT extends IntegrationTest {

    private static final String PASSWORD = "composer-pages-123";

    private PageSession agentSession(long department) {
        String email = unique("cp") + "@test.kefu.local";
        Api.Response r = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "页面坐席", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", PASSWORD));
        assertThat(r.status()).isEqualTo(201);
        return PageSession.signIn(port, email, PASSWORD);
    }

    @Test
    void thePickerRendersForTheTicketAndTheComposerRefusesAnUnfilledPlaceholder() {
        long department = createDepartment("页面部");
        PageSession page = agentSession(department);
        long id = openTicket(admin, ticket("发票开错了", "抬头写错", "departmentId", department,
                "customer", Map.of("email", unique("c") + "@example.com", "name", "<b>赵先生</b>"))).get("id").asLong();

        PageSession.Page picker = page.get("/tickets/" + id + "/templates/picker?q=apology");
        assertThat(picker.status()).isEqualTo(200);
        assertThat(picker.body()).contains("data-template-id=\"2\"").contains("/apology");

        PageSession.Page used = page.post("/tickets/" + id + "/templates/2/use", Map.of());
        assertThat(used.status()).isEqualTo(200);
        assertThat(used.body()).contains("<b>赵先生</b>").doesNotContain("{{");

        PageSession.Page refused = page.post("/tickets/" + id + "/messages",
                Map.of("body", "处理方案：【具体解决方案?】", "mode", "reply"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("占位符").contains("【具体解决方案?】");
        assertThat(page.post("/tickets/" + id + "/messages", Map.of("body", "内部：【具体解决方案?】", "mode", "note")).status())
                .isEqualTo(200);

        PageSession.Page suggested = page.get("/tickets/" + id + "/templates/suggested?purpose=deescalation");
        assertThat(suggested.body()).contains("automation-insert").contains("道歉并确认问题");
        assertThat(page.get("/tickets/" + id + "/macros/menu").body()).contains("需要客户补充信息");

        long elsewhere = openTicket(admin, ticket("别人的", "x", "departmentId", createDepartment("他部"))).get("id").asLong();
        assertThat(page.get("/tickets/" + elsewhere + "/templates/picker").status()).isEqualTo(404);
        assertThat(page.post("/tickets/" + elsewhere + "/templates/2/use", Map.of()).status()).isEqualTo(404);
        assertThat(page.post("/tickets/" + elsewhere + "/macros/2/apply", Map.of()).status()).isEqualTo(404);
        assertThat(page.get("/templates").body()).contains("道歉并确认问题");
    }

    @Test
    void aRefusedMacroShowsTheUsualTransitionMessage() {
        long department = createDepartment("宏页面");
        PageSession page = agentSession(department);
        long id = openTicket(admin, ticket("已解决的", "x", "departmentId", department)).get("id").asLong();
        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED"));
        PageSession.Page refused = page.post("/tickets/" + id + "/macros/1/apply", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("无法从「已解决」改为「等待客户」");
        PageSession.Page ok = page.post("/tickets/" + id + "/macros/2/apply", Map.of());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("已执行宏「已解决」");
    }

    @Test
    void theManagementPagesListEditAndPreview() {
        long department = createDepartment("管理页");
        PageSession page = agentSession(department);
        assertThat(page.get("/templates?mine=false&category=deescalation&language=en").body())
                .contains("道歉并确认问题").doesNotContain("问题已解决");
        assertThat(page.get("/templates/new").body()).contains("t-bodyZhCn").contains("{{customer.name}}");
        // an agent may not change a shared template: no edit link, and its edit page is refused
        assertThat(page.get("/templates/2/edit").status()).isEqualTo(403);
        assertThat(page.post("/templates/2", Map.of("name", "x", "scope", "EVERYONE", "bodyZhCn", "x")).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/templates/2").body().get("name").asString()).isEqualTo("道歉并确认问题");

        PageSession.Page preview = page.post("/templates/preview", Map.of("bodyZhCn", "{{customer.name}} <i>{{ask.时间}}</i>",
                "bodyEn", "Dear {{customer.name}}"));
        assertThat(preview.body()).contains("陈女士 &lt;i&gt;<mark class=\"automation-missing\">【时间?】</mark>&lt;/i&gt;")
                .contains("Dear Ms Chen");

        PageSession.Page created = page.post("/templates", Map.of("name", "页面模板", "scope", "PERSONAL", "shortcut", "pg",
                "bodyZhCn", "{{customer.name}}您好"));
        assertThat(created.status()).isEqualTo(302);
        PageSession.Page badVariable = page.post("/templates", Map.of("name", "坏模板", "scope", "PERSONAL", "bodyZhCn", "{{oops}}"));
        assertThat(badVariable.status()).isEqualTo(200);
        assertThat(badVariable.body()).contains("{{oops}}");

        assertThat(page.get("/templates/macros").body()).contains("需要客户补充信息").contains("等待客户");
        assertThat(page.get("/templates/macros/new").body()).contains("m-replyMode");
        assertThat(page.get("/templates/macros/1/edit").status()).isEqualTo(403);
        PageSession.Page macro = page.post("/templates/macros", Map.of("name", "页面宏", "scope", "PERSONAL", "setPriority", "P2",
                "addTags", "加急，回访", "replyMode", "NONE"));
        assertThat(macro.status()).isEqualTo(302);
        String mine = page.get("/templates/macros").body();
        assertThat(mine).contains("/templates/macros/");
        assertThat(page.get("/templates/macros").body()).contains("页面宏").contains("加急, 回访");
    }
}
