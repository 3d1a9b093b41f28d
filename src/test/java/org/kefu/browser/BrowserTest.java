package org.kefu.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the whole desk on a random port (H2), driven by Debian's headless
 * Chromium through chromium-driver; nothing is downloaded at test time. One browser per test
 * class. A failed test leaves a screenshot in target/browser-screenshots/. Run with
 * {@code ./mvnw -Pbrowser verify}.
 */
@Tag("browser")
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest extends IntegrationTest {

    static final String CHROMIUM = System.getProperty("kefu.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("kefu.chromedriver", "/usr/bin/chromedriver");
    protected static final String ADMIN_EMAIL = "admin@test.kefu.local";
    protected static final String ADMIN_PASSWORD = "admin-password-123";

    protected static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = newBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** A fresh, separate browser (own profile, own cookies), e.g. for a second agent. Quit it yourself. */
    protected static WebDriver newBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("kefu-chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected static void signIn(WebDriver in, String baseUrl, String email, String password) {
        in.get(baseUrl + "/login");
        in.findElement(By.id("username")).sendKeys(email);
        in.findElement(By.id("password")).sendKeys(password);
        in.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(in, d -> !d.getCurrentUrl().contains("/login"));
    }

    protected void signIn(String email, String password) {
        signIn(browser, url(""), email, password);
    }

    /** Leaves any live page first, so its stream cannot start a new session after the cookies are gone. */
    protected void signOut() {
        browser.get("about:blank");
        open("/login");
        browser.manage().deleteAllCookies();
    }

    /** Creates an agent with a password (for signing in) through the API; returns its id. */
    protected long agentWithPassword(String email, String password, String role, List<Long> departmentIds) {
        Api.Response r = admin.post("/api/v1/agents", Map.of("email", email, "displayName", "浏览器坐席", "role", role,
                "departmentIds", departmentIds, "teamIds", List.of(), "password", password));
        if (r.status() != 201) {
            throw new AssertionError("agent not created: " + r.status() + " " + r.raw());
        }
        return r.body().get("id").asLong();
    }

    protected static <T> T waitUntil(WebDriver in, Function<WebDriver, T> condition) {
        // htmx swaps replace elements under our feet: a stale element means "look again", not failure.
        // Chromium sometimes reports the same race as an inspector error ("Node with given id does not
        // belong to the document") instead of a stale element; that is looked at again too.
        return new WebDriverWait(in, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    protected <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(browser, condition);
    }

    protected WebElement find(String css) {
        return waitUntil(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    protected String text(String css) {
        return find(css).getText();
    }

    /** True if an alert() was raised or a script planted a marker: for XSS checks. */
    protected boolean scriptRan() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            Object marker = ((JavascriptExecutor) browser).executeScript("return window.__kefuXss === true;");
            return Boolean.TRUE.equals(marker);
        }
    }

    /** Saves a screenshot of the current page (for docs) to the given file. */
    protected static void screenshot(WebDriver in, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) in).getScreenshotAs(OutputType.BYTES));
    }

    static final class ScreenshotOnFailure implements TestWatcher {

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            WebDriver driver = browser;
            if (driver == null) {
                return;
            }
            try {
                screenshot(driver, Path.of("target", "browser-screenshots",
                        context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + ".png"));
            } catch (IOException | RuntimeException ignored) {
                // the failure itself is what matters
            }
        }
    }
}
