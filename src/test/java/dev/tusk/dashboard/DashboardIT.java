package dev.tusk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TrackerHttp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium (chromium-driver): the login, the overview's
 * charts drawn from the sampled history, a migrate-peers started from the batch form whose
 * progress bar reaches 100 % as it completes, a failed job retried from the queue page, and
 * nothing shown without the operator's login. Screenshots in target/dashboard-screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {
    private static final String BASE = "http://127.0.0.1:" + TrackerHttp.PORT + "/admin/";
    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");
    private static ChromeDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @BeforeAll
    static void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.get(BASE + "login.html");
        browser.executeScript("sessionStorage.clear()");
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws Exception {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void logIn(String password) {
        browser.get(BASE + "login.html");
        WebElement field = browser.findElement(By.id("password"));
        field.clear();
        field.sendKeys(password);
        browser.findElement(By.id("submit")).click();
    }

    @Test
    void withoutLoginThePagesSendToTheLoginAndTheApiRefuses() throws Exception {
        for (String page : new String[] {"index.html", "index.html#batch", "index.html#queue"}) {
            browser.get(BASE + page);
            waitUpTo(10).until(ExpectedConditions.urlContains("login.html"));
        }
        RawHttp.Reply page = RawHttp.get(TrackerHttp.PORT, "/admin/index.html");
        assertThat(page.status()).as("a page outside an operator's session").isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/admin/login.html");
        assertThat(RawHttp.get(TrackerHttp.PORT, "/admin/login.html").status()).isEqualTo(200);
        assertThat(RawHttp.request(TrackerHttp.PORT, "POST", "/api/admin/dashboard/session", null).status()).isEqualTo(401);
        assertThat(RawHttp.get(TrackerHttp.PORT, "/api/admin/dashboard").status()).isEqualTo(401);
        assertThat(RawHttp.get(TrackerHttp.PORT, "/api/admin/batch/jobs").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        logIn("not-the-password");

        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("error"), "Wrong user or password."));
        assertThat(browser.getCurrentUrl()).endsWith("login.html");
        assertThat(browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
        screenshot("wrong-password");
    }

    @Test
    void theOverviewShowsTheStoresAndChartsFilledFromTheHistory() throws Exception {
        TrackerHttp.get("/announce?" + TrackerHttp.announceQuery(TrackerHttp.randomBytes(20), TrackerHttp.randomBytes(20), 6881, 0, ""));
        logIn(AdminCredentials.password());

        waitUpTo(10).until(ExpectedConditions.urlContains("index.html"));
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-check='tusk-database'].up")));
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#replication tbody tr")));
        for (String chart : new String[] {"Swarms", "Jobs waiting, running and failed", "Hashes and aliases", "Requests per second"}) {
            By canvas = By.cssSelector("canvas[data-chart='" + chart + "']");
            waitUpTo(30).until(d -> Integer.parseInt(d.findElement(canvas).getDomAttribute("data-points") == null ? "0"
                    : d.findElement(canvas).getDomAttribute("data-points")) > 0);
        }
        screenshot("overview");

        browser.findElement(By.id("logout")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("login.html"));
        browser.get(BASE + "index.html");
        waitUpTo(10).until(ExpectedConditions.urlContains("login.html"));
    }

    @Test
    void aMigrationStartedFromTheFormRunsToOneHundredPercent() throws Exception {
        logIn(AdminCredentials.password());
        waitUpTo(10).until(ExpectedConditions.urlContains("index.html"));
        browser.get(BASE + "index.html#batch");
        By form = By.cssSelector("form[data-job='migrate-peers']");
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(form));

        browser.findElement(form).findElement(By.name("from")).sendKeys("postgres");
        browser.findElement(form).findElement(By.name("to")).sendKeys("mysql");
        browser.findElement(form).findElement(By.tagName("button")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-message='migrate-peers']"),
                "to is postgres or redis, not 'mysql'"));

        WebElement to = browser.findElement(form).findElement(By.name("to"));
        to.clear();
        to.sendKeys("redis");
        browser.findElement(form).findElement(By.name("chunkSize")).sendKeys("50");
        long newestBefore = newestExecution();
        browser.findElement(form).findElement(By.tagName("button")).click();

        // the rows are drawn again every 2 s: read the newest one in one script, never through a stale element
        String newestCompleted = "const row = document.querySelector(\"table[data-executions='migrate-peers'] tbody tr\");"
                + " return row && row.dataset.status === 'COMPLETED' && Number(row.dataset.execution) > arguments[0]"
                + " ? row.querySelector('progress').dataset.percent + '|' + row.innerText : null;";
        String completed = waitUpTo(60).until(d -> (String) browser.executeScript(newestCompleted, newestBefore));
        assertThat(completed).startsWith("100|").contains("3 of 3 steps");
        screenshot("batch");
    }

    private static long newestExecution() throws Exception {
        try (Connection c = TestDatabase.connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(max(jobexecutionid), 0) FROM job_execution")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aFailedJobIsRetriedFromTheQueuePage() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO job_queue_failed (id, queue, job, attempts, last_error, queue_time)
                VALUES (?, 'cleanup', jsonb_build_object('type', 'media.cleanup.identifier', 'args',
                        jsonb_build_object('identifier', 'tmp/' || gen_random_uuid())), 5, 'IOException: disk on fire', now())""")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        logIn(AdminCredentials.password());
        waitUpTo(10).until(ExpectedConditions.urlContains("index.html"));
        browser.get(BASE + "index.html#queue");
        By row = By.cssSelector("tr[data-job='" + id + "']");
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(row, "disk on fire"));
        screenshot("queue");

        // the table is drawn again every 3 s: a click on a row just replaced is tried again
        waitUpTo(10).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(row).findElement(By.cssSelector("button[data-action='retry']")).click();
            return true;
        });

        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(row, 0));
        waitUpTo(30).until(d -> jobs(id) == 0);
    }

    /** Rows of the job, queued or failed. */
    private static long jobs(UUID id) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT count(*) FROM job_queue WHERE id = ?) + (SELECT count(*) FROM job_queue_failed WHERE id = ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
