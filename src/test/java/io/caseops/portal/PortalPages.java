package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.caseops.testsupport.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** What the portal's browser tests do on every page: sign in, and check it with axe-core. */
final class PortalPages {

  static final By SUBMIT = By.cssSelector("main button[type='submit']");

  private PortalPages() {}

  static void signIn(Browser browser, String email, String password) {
    browser.open("/portal/sign-in");
    browser.await(By.id("email")).sendKeys(email);
    browser.await(By.id("password")).sendKeys(password);
    browser.clickAndWaitForNextPage(SUBMIT);
    browser.until(d -> d.getCurrentUrl().contains("/portal/"));
  }

  /** axe-core's rules on the page as it is: no serious or critical violation. */
  static void accessible(Browser browser, String page) {
    Results results = new AxeBuilder().analyze(browser.driver());
    List<String> serious =
        results.getViolations().stream()
            .filter(rule -> List.of("serious", "critical").contains(rule.getImpact()))
            .map(PortalPages::describe)
            .toList();
    assertThat(serious).as("axe-core on " + page).isEmpty();
  }

  /** The page's full width in CSS pixels: more than the window means sideways scrolling. */
  static long pageWidth(Browser browser) {
    return (Long)
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.documentElement.scrollWidth");
  }

  static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }
}
