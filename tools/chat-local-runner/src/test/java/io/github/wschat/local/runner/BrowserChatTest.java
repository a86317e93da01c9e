package io.github.wschat.local.runner;

import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium), against
 * the one command's chat with {@code CHAT_AUTH=dev} in a JVM of its own; each browser signs in through the page
 * as its own dev user. Waits are on conditions only.
 */
class BrowserChatTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern PAGE = Pattern.compile("page: +(http://127\\.0\\.0\\.1:\\d+/)");
    private static final String TABLE = "wschat-browser";
    private static DynamoDbLocalServer dynamoDb;
    private static ProcessOutput chat;
    private static URI page;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void startChat() throws Exception {
        dynamoDb = DynamoDbLocalServer.start();
        chat = LocalChatMainTest.startChat(Map.of(
                "CHAT_PORT", "0",
                "TABLE_NAME", TABLE,
                "MEMBERSHIPS_TABLE_NAME", TABLE + "-memberships",
                "MESSAGES_TABLE_NAME", TABLE + "-messages",
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                "CHAT_AUTH", "dev"));
        page = URI.create(chat.awaitLine(PAGE, RunningChat.TIMEOUT).group(1));
        chat.awaitLine(LocalChatMainTest.READY, RunningChat.TIMEOUT);
    }

    @AfterAll
    static void stopChat() throws Exception {
        chat.close();
        dynamoDb.close();
    }

    @AfterEach
    void quitBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void two_sessions_in_one_room_chat_both_ways_a_third_in_another_room_sees_nothing_and_markup_stays_text()
            throws Exception {
        String room = "general-" + System.nanoTime();
        ChromeDriver alice = signIn("Alice", room);
        ChromeDriver bob = signIn("Bob", room);
        ChromeDriver carol = signIn("Carol", "elsewhere-" + System.nanoTime());

        send(alice, "hello, Bob");
        awaitMessages(bob, 1);
        send(bob, "hi, Alice");
        send(alice, "<img src=x onerror=alert(1)>");
        awaitMessages(alice, 3);
        awaitMessages(bob, 3);

        for (ChromeDriver browser : List.of(alice, bob)) {
            List<WebElement> messages = messages(browser);
            assertThat(messages).extracting(m -> m.findElement(By.cssSelector(".author")).getText())
                    .containsExactly("Alice", "Bob", "Alice");
            assertThat(messages).extracting(m -> m.findElement(By.cssSelector(".text")).getText())
                    .containsExactly("hello, Bob", "hi, Alice", "<img src=x onerror=alert(1)>");
            assertThat(messages).extracting(m -> m.getAttribute("data-seq")).containsExactly("1", "2", "3");
            assertThat(browser.findElements(By.cssSelector("#message-list img"))).as("no img in the list").isEmpty();
            assertThat(browser.executeScript("return document.querySelector('#message-list li:last-child .text')"
                    + ".firstChild.nodeValue")).isEqualTo("<img src=x onerror=alert(1)>");
            assertThat(alertPresent(browser)).as("an alert").isFalse();
        }
        assertThat(messages(carol)).as("what carol, in another room, shows").isEmpty();

        Path shot = alice.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", "chat-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_private_room_without_a_grant_shows_the_refusal_and_with_one_it_joins() {
        ChromeDriver dave = signIn("Dave", "private-x");
        new WebDriverWait(dave, WAIT).until(ExpectedConditions.attributeToBe(By.id("error"), "data-code", "forbidden"));
        assertThat(dave.findElement(By.id("error")).getText()).contains("private-x");

        ChromeDriver erin = browser();
        erin.get(page + "?user=Erin&grants=private-x&room=private-x");
        awaitOpen(erin);
        new WebDriverWait(erin, WAIT).until(ExpectedConditions.attributeToBe(By.id("room-title"), "textContent", "private-x"));
        send(erin, "only us");
        awaitMessages(erin, 1);
        assertThat(erin.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    private ChromeDriver signIn(String name, String room) {
        ChromeDriver browser = browser();
        browser.get(page + "?user=" + name + "&room=" + room);
        awaitOpen(browser);
        return browser;
    }

    private void awaitOpen(ChromeDriver browser) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "open"));
    }

    private ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1100,700",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        return browser;
    }

    private static void send(ChromeDriver browser, String text) {
        WebElement input = new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("message-input")));
        input.sendKeys(text, Keys.ENTER);
    }

    private static void awaitMessages(ChromeDriver browser, int count) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#message-list li[data-testid=message]"), count));
    }

    private static List<WebElement> messages(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#message-list li[data-testid=message]"));
    }

    private static boolean alertPresent(ChromeDriver browser) {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }
}
