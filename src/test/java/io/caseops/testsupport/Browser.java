package io.caseops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, driven by Selenium through Debian's chromedriver (nothing is downloaded
 * at test time; {@code .ci/run} installs the packages). A test class gets one from {@link
 * Browsers}, which starts it once and gives each test an empty cookie jar and storage: its cookies
 * are one user's session. Screenshots go under {@code target/} for a person to look at.
 */
public final class Browser implements AutoCloseable {

  static final Dimension DESKTOP = new Dimension(1400, 1000);

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path screenshots;
  private String baseUrl;

  Browser(String screenshotFolder) {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver: apt-get install chromium"
              + " chromium-driver (.ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // As root in a container, without a GPU, on a machine whose network is closed: no sandbox, no
    // background connections to Google's hosts.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB",
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    this.driver.manage().window().setSize(DESKTOP);
    this.screenshots = Path.of("target", screenshotFolder);
  }

  /** Points {@link #open} at the application on {@code port}. */
  Browser on(int port) {
    this.baseUrl = "http://localhost:" + port;
    return this;
  }

  /**
   * Forgets the last test's user: every cookie of every site, the application's storage, the page
   * and a window resized by the test. (Chromium's cache of HTTP Basic credentials outlives this: a
   * class that gives the browser such credentials has one test, or a {@link Browsers} per test.)
   */
  void forget() {
    driver.get("about:blank");
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    if (baseUrl != null) {
      driver.executeCdpCommand(
          "Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes", "all"));
    }
    driver.manage().window().setSize(DESKTOP);
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Waits up to 20 s for the element, then returns it. */
  public WebElement await(By locator) {
    // WebDriverWait waits while the condition answers null or false.
    return until(
        d ->
            d.findElements(locator).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
  }

  /** Waits up to 20 s; an element replaced by a page load meanwhile is looked up again. */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /**
   * Clicks what submits a form or follows a link, and waits until the next page replaced this one:
   * a mark set on this page's window is gone. (Waiting for an element to go stale races the
   * navigation in Chromium, which then reports a node "not in the document" instead.)
   */
  public void clickAndWaitForNextPage(By locator) {
    driver.executeScript("window.caseopsPreviousPage = true");
    await(locator).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return document.readyState === 'complete'"
                            + " && window.caseopsPreviousPage === undefined")));
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Scrolls the page so that the element is at the top of the window. */
  public void scrollTo(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView(true)", element);
  }

  /** Saves the page as it is now to target/&lt;folder&gt;/&lt;name&gt;.png. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs in to a Camunda webapp (cockpit, tasklist) with its own login form. */
  public void loginToWebapp(String application, String user, String password) {
    open("/camunda/app/" + application + "/default/");
    await(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    await(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    await(By.cssSelector("button[type='submit']")).click();
    until(d -> d.findElements(By.cssSelector("input[ng-model='password']")).isEmpty());
  }

  @Override
  public void close() {
    driver.quit();
  }
}
