package dev.orderflow.fulfillment.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEvent;
import dev.orderflow.events.OrderCreated;
import dev.orderflow.events.OrderPaid;
import dev.orderflow.fulfillment.Fixtures;
import dev.orderflow.testsupport.IntegrationTest;
import dev.orderflow.testsupport.KafkaTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser (Debian's chromium and chromedriver, headless) against the service on a random port,
 * the real broker and database: an order published to Kafka appears on the live events page within 2 s and its
 * journey shows the rules it matched; a rule created through the form matches the next order; a dead letter redriven
 * leaves the list; a bad form shows its message. With {@code -Dconsole.screenshots=docs/console} it saves the main
 * views there (relative to the repository). Without chromium it is skipped, except on CI ({@code CI} set), where it
 * fails.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PAGE = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = new KafkaTestClient();

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeAll
    void openBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "the console's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                throw new AssertionError(missing + ", and CI is set");
            }
            Assumptions.abort(missing + "; skipped outside CI");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PAGE);
        open("/console");
        browser.findElement(By.id("username")).sendKeys(ConsoleIT.USER);
        browser.findElement(By.id("password")).sendKeys(ConsoleIT.PASSWORD);
        browser.findElement(By.id("login")).click();
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a.brand")));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        kafka.close();
    }

    @Test
    void anOrderAppearsOnTheLiveEventsPageWithinTwoSecondsAndItsJourneyShowsTheRulesItMatched() {
        open("/console/events");
        wait(PAGE).until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        // the first order waits for the bus to be consuming; the second is the one timed
        OrderCreated warmUp = Fixtures.order("console-" + UUID.randomUUID(), "us-east");
        kafka.publish(CloudEvent.of("/order-service", warmUp));
        wait(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(orderLink(warmUp)));

        OrderCreated created = Fixtures.order("console-" + UUID.randomUUID(), "eu-west");
        kafka.publish(CloudEvent.of("/order-service", created));
        kafka.publish(CloudEvent.of("/billing-service", Fixtures.paid(created)));

        // OrderCreated and OrderPaid (and soon OrderDispatched, from the store-and-dispatch rule)
        wait(Duration.ofSeconds(2)).until(ExpectedConditions.numberOfElementsToBeMoreThan(orderLink(created), 1));
        screenshot("events");

        browser.findElement(orderLink(created)).click();
        await().atMost(PAGE).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("journey")).getText())
                    .contains("OrderCreated on billing")
                    .contains("OrderPaid on payment")
                    .contains("rule paid-orders-to-store matched OrderPaid")
                    .contains("rule eu-orders-to-workflow matched OrderPaid");
        });
        screenshot("journey");
    }

    @Test
    void aRuleCreatedThroughTheFormMatchesTheNextOrder() {
        String customer = "console-" + UUID.randomUUID();
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        open("/console/rules");
        browser.findElement(By.id("new-rule")).click();
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("rule-name")));
        type(By.id("rule-name"), name);
        type(By.id("rule-description"), "paid orders of one customer, to a log");
        type(By.id("rule-pattern"), """
                {
                  "detail-type": ["OrderPaid"],
                  "detail": {"customerId": ["%s"]}
                }""".formatted(customer));
        type(By.id("rule-targets"), """
                [{"id": "console-log", "type": "log", "logGroup": "/orderflow/console-test",
                  "inputPath": "$.detail"}]""");
        browser.findElement(By.id("save-rule")).click();
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-rule='" + name + "']")));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("Rule " + name + " created.");
        screenshot("rules");

        OrderCreated created = Fixtures.order(customer, "ap-south");
        CloudEvent paid = CloudEvent.of("/billing-service", Fixtures.paid(created));
        kafka.publish(CloudEvent.of("/order-service", created));
        kafka.publish(paid);

        await().atMost(PAGE).untilAsserted(() -> {
            open("/console/deliveries");
            WebElement section = browser.findElement(By.id("rule-" + name));
            assertThat(section.findElements(By.cssSelector("tr[data-event-id='" + paid.id() + "']")))
                    .singleElement()
                    .satisfies(row -> assertThat(row.getText()).contains("console-log"));
        });

        open("/console/rules/test?eventId=" + paid.id() + "&rule=" + name);
        type(
                By.id("test-target"),
                "{\"id\": \"t\", \"type\": \"log\", \"inputTemplate\": \"order <o>\","
                        + " \"inputPathsMap\": {\"o\": \"$.detail.orderId\"}}");
        browser.findElement(By.id("test")).click();
        // the form's answer is a new page: wait for it rather than read the one the click left
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        assertThat(browser.findElement(By.id("result")).getText()).isEqualTo("The event matches the pattern.");
        assertThat(browser.findElement(By.id("preview")).getText())
                .contains(created.orderId().toString());
        screenshot("tester");
    }

    @Test
    void aRedrivenDeadLetterLeavesTheList() {
        OrderPaid paid = Fixtures.paid(Fixtures.order("console-" + UUID.randomUUID(), "us-east"));
        CloudEvent event = Fixtures.deadLettered(kafka, paid);
        By letter = By.cssSelector("#topic-payment-dlt tr[data-event-id='" + event.id() + "']");

        await().atMost(PAGE).untilAsserted(() -> {
            open("/console/dead-letters");
            assertThat(browser.findElements(letter)).hasSize(1);
        });
        assertThat(browser.findElement(letter).getText()).contains("java.sql.SQLException: away");
        screenshot("dead-letters");

        browser.findElement(letter).findElement(By.className("redrive-one")).click();

        wait(PAGE)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.className("notice"), "Redrove 1 dead letter of payment-dlt."));
        assertThat(browser.findElements(letter)).isEmpty();
    }

    @Test
    void aBadFormShowsItsMessageBesideWhatWasTyped() {
        open("/console/rules/new");
        type(By.id("rule-name"), "console-bad");
        type(By.id("rule-pattern"), "{\"detail-type\": [\"OrderPaid\"");
        browser.findElement(By.id("save-rule")).click();

        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(browser.findElement(By.id("problems")).getText()).contains("eventPattern: is not valid JSON");
        assertThat(browser.findElement(By.id("rule-pattern")).getAttribute("value"))
                .isEqualTo("{\"detail-type\": [\"OrderPaid\"");
    }

    @Test
    void theNumbersPageShowsItsCharts() {
        open("/console/numbers");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(5);
        assertThat(browser.findElement(By.id("p99-paid")).getText()).isNotBlank();
        screenshot("numbers");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private void type(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    private static By orderLink(OrderCreated order) {
        return By.cssSelector("#events a.order[href$='" + order.orderId() + "']");
    }

    /** Saves the page when {@code console.screenshots} names a directory, relative to the repository's root. */
    private void screenshot(String name) {
        String directory = System.getProperty("console.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        while (root.getParent() != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        Path file = root.resolve(directory).resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("could not save " + file, e);
        }
    }
}
