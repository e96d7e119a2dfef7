package io.boxoffice.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One person's browser on the web app: Debian's Chromium, headless, driven through its own chromedriver, with a
 * fresh profile (its own local storage, so its own session). Waits are Awaitility deadlines on what the page shows,
 * never sleeps. Paths come from {@code BOXOFFICE_CHROMIUM} and {@code BOXOFFICE_CHROMEDRIVER}, by default where
 * Debian's packages put them.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BOXOFFICE_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("BOXOFFICE_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(String base, Dimension size) {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (`./boxoffice test` installs them)");
            }
        }
        Path profile = SystemPaths.freshState("chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                // This machine's network is closed: without these, Chromium keeps trying Google's hosts.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--lang=en-GB", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        if (size.equals(PHONE)) {
            // Headless windows are at least 500 pixels wide; a phone's viewport takes the device's emulation.
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics", java.util.Map.of(
                    "width", size.getWidth(), "height", size.getHeight(), "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        return new Browser(driver, base);
    }

    /** Loads the app at the fragment {@code route} ({@code #/shows/…}), as following a link would. */
    Browser go(String route) {
        driver.get(base + "/" + route);
        return this;
    }

    WebElement find(String css) {
        return until(() -> {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
        }, "an element " + css);
    }

    /** The element of a seat on the open seat map. */
    WebElement seat(int number) {
        return find("button.seat[data-seat='" + number + "']");
    }

    String seatState(int number) {
        return seat(number).getDomAttribute("data-state");
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Picks the option labelled {@code label} in the select {@code css}. */
    void choose(String css, String label) {
        until(() -> find(css).findElements(By.tagName("option")).stream()
                .filter(option -> option.getText().equals(label)).findFirst().orElse(null), "an option " + label)
                .click();
    }

    /** Clicks the first button or link whose text is {@code label}. */
    void press(String label) {
        until(() -> driver.findElements(By.xpath("//*[self::button or self::a][normalize-space(.)='" + label + "']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null), "a button " + label).click();
    }

    /**
     * Clicks the button labelled {@code label} when this machine's clock reads {@code epochMillis}: browsers given
     * the same moment click within a few milliseconds of each other, closer than a round trip to chromedriver.
     */
    void clickAt(String label, long epochMillis) {
        driver.executeScript("const button = [...document.querySelectorAll('button')]"
                + ".find((b) => b.textContent.trim() === arguments[0]);"
                + "setTimeout(() => button.click(), Math.max(0, arguments[1] - Date.now()));", label, epochMillis);
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits until the view's text contains {@code expected}, and returns the text. */
    String awaitText(String expected) {
        return until(() -> {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.contains(expected) ? text : null;
        }, "the page to say \"" + expected + "\"");
    }

    /** Waits until the open seat map says it is live: its stream delivered a snapshot. */
    void awaitLive() {
        until(() -> text(".live").equals("Live") ? true : null, "the seat map to be live");
    }

    void logIn(String username, String password) {
        go("#/login");
        type("#username", username);
        type("#password", password);
        click("form button[type=submit]");
        until(() -> driver.getCurrentUrl().contains("#/login") ? null : Boolean.TRUE, "the login to finish");
        awaitText("Signed in as " + username);
    }

    /** Saves what the window shows as a PNG. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T until(Supplier<T> probe, String what) {
        return await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).ignoreExceptionsInstanceOf(
                WebDriverException.class).until(probe::get, value -> value != null);
    }

    @Override
    public void close() {
        // The profile stays under target/system-state, which the next run wipes.
        driver.quit();
    }
}
