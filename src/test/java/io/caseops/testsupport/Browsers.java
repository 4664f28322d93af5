package io.caseops.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium per browser test class, started at its first use and quit after the class; after
 * each test it forgets that test's user (cookies, storage, page, window size), so that each test
 * begins signed out, as in a fresh profile. Starting Chromium costs about a second and a half per
 * start on two cores: once a class rather than once a test.
 *
 * <pre>
 * &#64;RegisterExtension static final Browsers browsers = new Browsers("portal-screenshots");
 * &#64;BeforeEach void open() { browser = browsers.at(port); }
 * </pre>
 */
public final class Browsers implements AfterEachCallback, AfterAllCallback {

  private final String screenshotFolder;
  private Browser browser;

  /** Screenshots go to {@code target/<screenshotFolder>/}. */
  public Browsers(String screenshotFolder) {
    this.screenshotFolder = screenshotFolder;
  }

  /** The class's browser, pointed at the application on {@code port}. */
  public Browser at(int port) {
    if (browser == null) {
      browser = new Browser(screenshotFolder);
    }
    return browser.on(port);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      try {
        browser.forget();
      } catch (RuntimeException gone) {
        // A browser that crashed with its test is replaced rather than failing the next one.
        browser.close();
        browser = null;
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
