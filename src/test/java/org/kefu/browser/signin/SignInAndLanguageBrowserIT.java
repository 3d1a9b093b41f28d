package org.kefu.browser.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kefu.browser.BrowserTest;
import org.openqa.selenium.By;

class SignInAndLanguageBrowserIT extends BrowserTest {

    @Test
    void signInPageSpeaksTheChosenLanguage() {
        signOut();
        open("/login");
        assertThat(text("h1")).isEqualTo("登录客服工作台");
        browser.findElement(By.cssSelector(".lang-switch a[lang=zh-TW]")).click();
        waitUntil(d -> text("h1").equals("登入客服工作台"));
        browser.findElement(By.cssSelector(".lang-switch a[lang=en]")).click();
        waitUntil(d -> text("h1").equals("Sign in to the service desk"));
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("Password");
        browser.findElement(By.cssSelector(".lang-switch a[lang=zh-CN]")).click();
        waitUntil(d -> text("h1").equals("登录客服工作台"));
    }

    @Test
    void agentSwitchesTheWorkspaceToTraditionalChineseAndEnglishAndTheChoiceIsRemembered() {
        String email = unique("lang") + "@test.kefu.local";
        agentWithPassword(email, "browser-pass-123", "AGENT", List.of());
        signOut();
        signIn(email, "browser-pass-123");
        open("/account/password");
        assertThat(text("h1")).isEqualTo("修改密码");
        assertThat(text(".user-menu form button")).isEqualTo("退出");

        browser.findElement(By.cssSelector(".lang-switch a[lang=zh-TW]")).click();
        waitUntil(d -> text("h1").equals("修改密碼"));
        assertThat(text(".user-menu form button")).isEqualTo("登出");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-TW");

        browser.findElement(By.cssSelector(".lang-switch a[lang=en]")).click();
        waitUntil(d -> text("h1").equals("Change password"));
        assertThat(text(".user-menu form button")).isEqualTo("Sign out");

        // a new session (another browser, same account) opens in the saved language
        signOut();
        signIn(email, "browser-pass-123");
        open("/account/password");
        assertThat(text("h1")).isEqualTo("Change password");
    }

    @Test
    void wrongPasswordSaysSoAndRepeatedFailuresLockTheAccount() {
        String email = unique("lock") + "@test.kefu.local";
        agentWithPassword(email, "browser-pass-123", "AGENT", List.of());
        signOut();
        for (int i = 0; i < 5; i++) {
            open("/login");
            browser.findElement(By.id("username")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys("wrong-password-" + i);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            waitUntil(d -> d.getCurrentUrl().contains("/login?"));
        }
        assertThat(text(".alert.error")).isEqualTo("邮箱或密码不正确。");
        open("/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("browser-pass-123");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login?locked"));
        assertThat(text(".alert.error")).contains("锁定");
    }

    @Test
    void agentChangesOwnPassword() {
        String email = unique("pw") + "@test.kefu.local";
        agentWithPassword(email, "browser-pass-123", "AGENT", List.of());
        signOut();
        signIn(email, "browser-pass-123");
        open("/account/password?lang=zh-CN");
        browser.findElement(By.id("current")).sendKeys("browser-pass-123");
        browser.findElement(By.id("next")).sendKeys("new-browser-pass-456");
        browser.findElement(By.id("confirm")).sendKeys("new-browser-pass-456");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(d -> !d.findElements(By.cssSelector(".alert.success")).isEmpty());
        signOut();
        signIn(email, "new-browser-pass-456");
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    @Test
    void aDeactivatedAgentIsSignedOutOnTheNextPageAndARoleChangeAppliesWithoutSigningInAgain() {
        String email = unique("fresh") + "@test.kefu.local";
        long id = agentWithPassword(email, "browser-pass-123", "AGENT", List.of());
        signOut();
        signIn(email, "browser-pass-123");
        open("/account/password");
        assertThat(browser.findElements(By.cssSelector(".main-nav a[href='/admin']"))).isEmpty();

        admin.patch("/api/v1/agents/" + id, java.util.Map.of("role", "ADMIN"));
        open("/account/password");
        assertThat(browser.findElements(By.cssSelector(".main-nav a[href='/admin']"))).hasSize(1);

        admin.patch("/api/v1/agents/" + id, java.util.Map.of("active", false));
        open("/account/password");
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        assertThat(text(".alert.error")).isEqualTo("该账户已停用，请联系管理员。");
    }
}
