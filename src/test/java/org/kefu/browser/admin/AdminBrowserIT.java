package org.kefu.browser.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.kefu.support.Api;
import org.kefu.support.Outbox;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class AdminBrowserIT extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "shots");

    private void signInAsAdmin() {
        signOut();
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private void submit(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    @Test
    void adminInvitesAnAgentWhoSetsAPasswordFromTheMailedLinkAndSignsIn() throws Exception {
        String department = "售后服务部-" + unique("d").substring(2);
        long departmentId = createDepartment(department);
        String email = unique("invited") + "@test.kefu.local";
        signInAsAdmin();
        open("/admin");
        assertThat(text("main h1")).isEqualTo("管理");
        assertThat(browser.findElements(By.cssSelector("#sidebar a")).size()).isGreaterThanOrEqualTo(9);
        screenshot(browser, SHOTS.resolve("admin-overview.png"));

        find("#sidebar a[href='/admin/agents']").click();
        find("#invite-agent").click();
        type("#email", email);
        type("#displayName", "王小明");
        new Select(find("#role")).selectByValue("SUPERVISOR");
        browser.findElement(By.cssSelector("input[name=departmentIds][value='" + departmentId + "']")).click();
        type("#skillValue0", "zh-CN");
        screenshot(browser, SHOTS.resolve("admin-invite.png"));
        submit("#agent-submit");

        assertThat(text(".alert.success")).contains(email);
        WebElement row = find("tr[data-agent='" + email + "']");
        assertThat(row.getText()).contains("王小明").contains("主管").contains(department).contains("已邀请");
        screenshot(browser, SHOTS.resolve("admin-agents.png"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot(browser, SHOTS.resolve("admin-agents-390.png"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        String link = Outbox.invitationLink(email);
        signOut();
        browser.get(link);
        assertThat(text("main h1")).isEqualTo("欢迎加入");
        assertThat(text("main")).contains("王小明").contains(email);
        type("#password", "short");
        type("#confirm", "short");
        submit("main form button[type=submit]");
        assertThat(text("#password-error")).contains("10");
        type("#password", "invited-pass-123");
        type("#confirm", "invited-pass-123");
        screenshot(browser, SHOTS.resolve("admin-invite-accept.png"));
        submit("main form button[type=submit]");
        find("#to-login").click();
        signIn(email, "invited-pass-123");
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");

        // the link was for one use only
        browser.get(link);
        assertThat(text("main h1")).isEqualTo("链接已失效");
    }

    @Test
    void adminAddsAComplaintTypeAndACustomField() throws Exception {
        signInAsAdmin();
        open("/admin/complaint-types");
        String code = "LATE_" + unique("x").substring(2).toUpperCase().replace('-', '_');
        type("#type-code", code);
        type("#type-zhcn", "物流延误");
        type("#type-zhtw", "物流延誤");
        type("#type-en", "Late delivery");
        type("#type-position", "40");
        submit("#type-submit");
        assertThat(text(".alert.success")).contains("物流延误");
        assertThat(find("tr[data-code='" + code + "']").getText()).contains("物流延误").contains("启用");
        assertThat(admin.get("/api/v1/complaint-types").raw()).contains(code).contains("Late delivery");
        screenshot(browser, SHOTS.resolve("admin-complaint-types.png"));

        open("/admin/custom-fields");
        String key = "refundChannel" + unique("k").substring(2, 6);
        // a field problem is shown next to the field and nothing typed is lost
        type("#field-key", key);
        type("#field-label", "退款渠道");
        new Select(find("#field-type")).selectByValue("SELECT");
        submit("#field-submit");
        assertThat(text("#options-error")).isNotBlank();
        assertThat(find("#field-key").getAttribute("value")).isEqualTo(key);
        assertThat(find("#field-label").getAttribute("value")).isEqualTo("退款渠道");
        assertThat(new Select(find("#field-type")).getFirstSelectedOption().getAttribute("value")).isEqualTo("SELECT");

        type("#field-options", "原路退回\n余额\n银行转账");
        browser.findElement(By.cssSelector("#field-form input[name=required]")).click();
        submit("#field-submit");
        assertThat(text(".alert.success")).contains("退款渠道");
        WebElement row = find("tr[data-key='" + key + "']");
        assertThat(row.getText()).contains("退款渠道").contains("单选").contains("原路退回").contains("必填");
        screenshot(browser, SHOTS.resolve("admin-custom-fields.png"));

        // a required field binds every ticket agents open from now on: switch it off so the other tests' tickets stay valid
        tools.jackson.databind.JsonNode fields = admin.get("/api/v1/custom-fields").body();
        for (tools.jackson.databind.JsonNode f : fields.has("items") ? fields.get("items") : fields) {
            if (key.equals(f.get("key").asString())) {
                assertThat(admin.patch("/api/v1/custom-fields/" + f.get("id").asLong(), java.util.Map.of("active", false)).status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void aNewApiTokenIsShownOnceAndCanBeRevoked() throws Exception {
        signInAsAdmin();
        open("/admin/tokens");
        String name = "CRM 同步 " + unique("t").substring(2);
        type("#token-name", name);
        new Select(find("#token-agent")).selectByVisibleText("管理员 <" + ADMIN_EMAIL + ">");
        submit("#token-submit");

        String secret = find("#token-secret").getAttribute("value");
        assertThat(secret).startsWith("kefu_");
        assertThat(text(".token-result .alert.warning")).contains("只显示这一次");
        screenshot(browser, SHOTS.resolve("admin-token-created.png"));
        Api asToken = admin.as(secret);
        assertThat(asToken.get("/api/v1/me").status()).isEqualTo(200);

        browser.navigate().refresh();
        find("#secret-gone");
        assertThat(browser.findElements(By.id("token-secret"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);

        open("/admin/tokens");
        assertThat(browser.getPageSource()).doesNotContain(secret);
        WebElement row = find("tr[data-token='" + name + "']");
        assertThat(row.getText()).contains(secret.substring(0, 9)).contains("有效");
        row.findElement(By.cssSelector("button.danger")).click();
        browser.switchTo().alert().accept();
        assertThat(text(".alert.success")).contains(name);
        assertThat(find("tr[data-token='" + name + "']").getText()).contains("已吊销");
        assertThat(asToken.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void rebuildingTheSearchIndexShowsProgressUpToOneHundredPercent() throws Exception {
        openTicket(admin, ticket("重建索引测试 包裹", "索引进度"));
        signInAsAdmin();
        open("/admin/search-index");
        find("#rebuild").click();
        waitUntil(d -> text("#index-percent").equals("100 %"));
        assertThat(find("#index-progress").getAttribute("data-state")).isEqualTo("DONE");
        assertThat(find("#index-bar").getAttribute("value")).isEqualTo("100");
        assertThat(text("#index-progress")).contains("重建完成");
        screenshot(browser, SHOTS.resolve("admin-search-index.png"));
        Api.Response status = admin.get("/api/v1/admin/search-index");
        assertThat(status.body().get("state").asString()).isEqualTo("DONE");
        assertThat(status.body().get("percent").asInt()).isEqualTo(100);
        assertThat(status.body().get("done").asLong()).isEqualTo(status.body().get("total").asLong()).isPositive();
    }

    @Test
    void anAgentOpeningTheAdminPagesSeesTheForbiddenPage() throws Exception {
        String email = unique("noadmin") + "@test.kefu.local";
        agentWithPassword(email, "browser-pass-123", "AGENT", List.of());
        signOut();
        signIn(email, "browser-pass-123");
        open("/admin");
        assertThat(text("main h1")).isEqualTo("出错了");
        assertThat(text("main")).contains("您没有执行此操作的权限");
        assertThat(browser.findElements(By.cssSelector("#sidebar"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".main-nav a[href='/admin']"))).isEmpty();
        open("/admin/tokens");
        assertThat(text("main h1")).isEqualTo("出错了");
        screenshot(browser, SHOTS.resolve("admin-forbidden.png"));
    }

    @Test
    void theAuditLogListsWhatAdminsDidAndFiltersByAction() throws Exception {
        String email = unique("audited") + "@test.kefu.local";
        admin.post("/api/v1/agents", Map.of("email", email, "displayName", "审计对象", "role", "AGENT"));
        signInAsAdmin();
        open("/admin/audit");
        new Select(find("#audit-action")).selectByValue("AGENT_CREATED");
        submit("#audit-filter button[type=submit]");
        waitUntil(d -> d.getCurrentUrl().contains("action=AGENT_CREATED"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-list tbody tr[data-action]"));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getAttribute("data-action")).isEqualTo("AGENT_CREATED"));
        assertThat(text("#audit-list")).contains(email);
        screenshot(browser, SHOTS.resolve("admin-audit.png"));
    }
}
