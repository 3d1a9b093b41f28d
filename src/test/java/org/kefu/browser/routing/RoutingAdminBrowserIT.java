package org.kefu.browser.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

class RoutingAdminBrowserIT extends BrowserTest {

    @Test
    void anAdminAddsARuleSetsATeamToSkillsAndLoadAndSeesTheQueues() throws Exception {
        long department = admin.post("/api/v1/departments", Map.of("code", "rb-" + UUID.randomUUID().toString().substring(0, 6),
                "name", "物流服务部")).body().get("id").asLong();
        long team = admin.post("/api/v1/teams", Map.of("name", "快递理赔组", "departmentId", department)).body().get("id").asLong();
        String product = "X200-" + UUID.randomUUID().toString().substring(0, 6);

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin");
        browser.findElement(By.cssSelector("a[href$='/admin/routing']")).click();
        waitUntil(d -> text("h1").equals("路由与分配"));

        find("details.add-form summary").click();
        find("#rule-name").sendKeys("<img src=x onerror=\"window.__kefuXss=true\">邮件产品缺陷");
        find("#rule-position").clear();
        find("#rule-position").sendKeys("7");
        new Select(find("#rule-channel")).selectByValue("EMAIL");
        new Select(find("#rule-type")).selectByValue("PRODUCT_DEFECT");
        find("#rule-product").sendKeys(product);
        new Select(find("#rule-team")).selectByValue(Long.toString(team));
        find(".routing-rule-form button[type=submit]").click();
        waitUntil(d -> text(".alert.success").equals("已保存。"));
        assertThat(text(".routing-rules")).contains("<img src=x onerror=\"window.__kefuXss=true\">邮件产品缺陷",
                "渠道: 邮件", "投诉类型: 产品缺陷", "产品: " + product, "快递理赔组");
        assertThat(scriptRan()).isFalse();

        new Select(find("#strategy-" + team)).selectByValue("SKILLS_AND_LOAD");
        find("tr[data-team='" + team + "'] button[type=submit]").click();
        waitUntil(d -> text(".alert.success").equals("已保存。"));
        assertThat(new Select(find("#strategy-" + team)).getFirstSelectedOption().getText()).isEqualTo("按技能与负载");
        screenshot(browser, Path.of("target/shots/routing-admin-1280.png"));
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot(browser, Path.of("target/shots/routing-admin-390.png"));
        browser.manage().window().setSize(new Dimension(1280, 900));

        JsonNode ticket = admin.post("/api/v1/tickets", ticket("X200 屏幕坏了", "刚买就坏", "complaintType", "PRODUCT_DEFECT",
                "productRef", product)).body();
        assertThat(admin.get("/api/v1/tickets/" + ticket.get("id").asLong()).body().get("teamId").asLong()).isEqualTo(team);

        open("/routing/queues");
        waitUntil(d -> text("h1").equals("团队队列"));
        assertThat(text("tr[data-team='" + team + "']")).contains("快递理赔组", "按技能与负载", "1", "0 / 0");
        screenshot(browser, Path.of("target/shots/routing-queues-1280.png"));

        browser.findElement(By.linkText("路由与分配")).click();
        waitUntil(d -> text("h1").equals("路由与分配"));
        browser.findElement(By.partialLinkText("邮件产品缺陷")).click();
        waitUntil(d -> text("h1").equals("编辑规则"));
        find(".page-head form button.danger").click();
        browser.switchTo().alert().accept();
        waitUntil(d -> text(".alert.success").equals("规则已删除。"));
    }
}
