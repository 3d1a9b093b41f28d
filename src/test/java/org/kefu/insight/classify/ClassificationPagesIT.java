package org.kefu.insight.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.kefu.support.PageSession;

/** The ticket panel and the admin page, as the browser's htmx requests them. */
class ClassificationPagesIT extends IntegrationTest {

    @Test
    void thePanelShowsTheSuggestionAndTheFormConfirmsIt() {
        long department = createDepartment("面板");
        String email = unique("panel") + "@test.kefu.local";
        admin.post("/api/v1/agents", Map.of("email", email, "displayName", "面板坐席", "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", "panel-password-123"));
        long id = openTicket(admin, ticket("退款", "退货寄回去两周了，退款还没到账", "departmentId", department)).get("id").asLong();
        PageSession agent = PageSession.signIn(port, email, "panel-password-123");

        String panel = agent.get("/tickets/" + id + "/classification").body();
        assertThat(panel).contains("问题分类").contains("退换货/退款").contains("置信度").contains("classify-confirm");
        assertThat(agent.get("/tickets/" + id + "/classification?lang=en").body()).contains("Returns and refunds").contains("Confidence");

        PageSession.Page bad = agent.post("/tickets/" + id + "/classification/confirm", Map.of("topic", "NOPE"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("NOPE");
        PageSession.Page ok = agent.post("/tickets/" + id + "/classification/confirm",
                Map.of("complaintType", "SERVICE_ERROR", "topic", "RETURNS"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("classify-confirmed");
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("complaintType").asString()).isEqualTo("SERVICE_ERROR");
        assertThat(agent.get("/admin/classification").status()).isEqualTo(403);
    }

    @Test
    void theAdminPageListsModelTopicsAndRulesAndEditsThem() {
        PageSession page = PageSession.signIn(port, "admin@test.kefu.local", "admin-password-123");
        String body = page.get("/admin/classification").body();
        assertThat(body).contains("问题分类").contains("分类模型").contains("物流配送").contains("物流延误").contains("classify-retrain");

        String name = unique("规则");
        PageSession.Page created = page.post("/admin/classification/rules", Map.of("name", name, "keywords", "发票抬头\n發票抬頭",
                "complaintType", "", "topic", "BILLING", "weight", "2", "negatable", "true"));
        assertThat(created.status()).isIn(200, 302, 303);
        assertThat(page.get("/admin/classification").body()).contains(name).contains("發票抬頭");

        PageSession.Page invalid = page.post("/admin/classification/rules", Map.of("name", "", "keywords", "",
                "complaintType", "", "topic", "", "weight", "abc"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("weight");

        PageSession.Page retrained = page.post("/admin/classification/retrain", Map.of());
        assertThat(retrained.status()).isIn(200, 302, 303);
    }
}
