package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on the console, with
 * screenshots under {@code target/screenshots} and a check, on every page it looks at, that no
 * registered secret appears in the page source.
 */
final class Browser implements AutoCloseable {

    private static final AtomicInteger SHOTS = new AtomicInteger();
    /** Values that must never reach a browser: channel credentials. */
    static final Set<String> NEVER_SHOWN = ConcurrentHashMap.newKeySet();

    final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("otp.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("otp.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        base = TestServer.get().baseUrl();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String path) {
        driver.get(base + path);
        checkSecrets();
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    boolean exists(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Clicks and waits for the page to be replaced (a full post or a redirect). */
    void clickAndLoad(String id) {
        WebElement html = driver.findElement(By.tagName("html"));
        click(id);
        awaitReplaced(html);
    }

    /** Answers "yes" in the console's confirmation dialog, then waits for the next page. */
    void confirmAndLoad() {
        WebElement html = driver.findElement(By.tagName("html"));
        click("confirmYes");
        awaitReplaced(html);
    }

    private void awaitReplaced(WebElement html) {
        wait.until(d -> {
            try {
                html.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        checkSecrets();
    }

    /** Picks a value in a PrimeFaces select menu through its widget, as a click on the item would. */
    void select(String clientId, String value) {
        byId(clientId);
        driver.executeScript("var w = PF(arguments[0]); w.selectValue(arguments[1]);"
                + " if (w.triggerChange) { w.triggerChange(); } else { w.callBehavior('change'); }",
                "widget_" + clientId.replace(':', '_'), value);
    }

    /** Picks a value in the select menu carrying {@code styleClass} (for ids generated inside repeats). */
    void selectByClass(String styleClass, String value) {
        WebElement menu = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-selectonemenu." + styleClass)));
        select(menu.getAttribute("id"), value);
    }

    String text(String id) {
        return byId(id).getText().strip();
    }

    void awaitText(String id, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    }

    void awaitUrlContains(String part) {
        wait.until(ExpectedConditions.urlContains(part));
        checkSecrets();
    }

    void awaitPresent(String css) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The texts of the elements matching {@code css}; empty while an ajax update replaces them. */
    List<String> texts(String css) {
        try {
            return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
        } catch (WebDriverException replaced) {
            return List.of();
        }
    }

    /** Sets a PrimeFaces number input through its widget (typing into it depends on its formatting). */
    void number(String clientId, long value) {
        byId(clientId + "_input");
        driver.executeScript("PF(arguments[0]).setValue(arguments[1]);", "widget_" + clientId.replace(':', '_'), value);
    }

    String source() {
        return driver.getPageSource();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** A full-page screenshot, numbered in the order taken, for a person to look at. */
    void shot(String name) {
        checkSecrets();
        try {
            Path dir = Path.of(System.getProperty("otp.it.screenshots", "target/screenshots"));
            if (SHOTS.get() == 0 && Files.isDirectory(dir)) {
                try (var old = Files.list(dir)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
            Dimension size = driver.manage().window().getSize();
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height, 800), 3000)));
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, dir.resolve(String.format("%02d-%s.png", SHOTS.incrementAndGet(), name)),
                    StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(size);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void phoneSized() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void checkSecrets() {
        String source = driver.getPageSource();
        for (String secret : NEVER_SHOWN) {
            assertFalse(source.contains(secret), "a channel secret reached the page " + driver.getCurrentUrl());
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
