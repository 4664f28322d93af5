package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal's new-case page in a real headless Chromium, as Initech's Ivy Patel (Silver, who
 * chooses a time slot) uses it, the engine clock held still: the quote is the policy's promise and
 * the case opened gets exactly it; refusals come back on the form, tied to their fields, with what
 * was typed; nothing is opened for a refused form or a second click. Screenshots in
 * target/portal-screenshots/.
 */
@CaseOpsTest
class PortalNewCaseTest {

  static final String IVY = "ivy.patel@initech.example";
  static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z"); // a Wednesday

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @RegisterExtension static final Browsers browsers = new Browsers("portal-screenshots");

  Browser browser;

  @BeforeEach
  void signedIn() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    browser = browsers.at(port);
    PortalPages.signIn(browser, IVY, "ivy.patel");
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
  }

  @Test
  void aSilverContactSeesThePromiseThenOpensTheCaseAndGetsExactlyIt() {
    browser.clickAndWaitForNextPage(By.linkText("Open a case"));
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Open a case");
    PortalPages.accessible(browser, "new-case");
    browser.screenshot("new-case");

    new Select(browser.await(By.id("product"))).selectByValue("automation-360");
    browser.await(By.id("subject")).sendKeys("Bots stopped <script>alert(1)</script>");
    browser
        .await(By.id("description"))
        .sendKeys("Every bot run fails since 13:00 with <b>error 42</b>.");
    new Select(browser.await(By.id("requestType"))).selectByValue("incident");
    answer("productionAffected", "true");
    answer("productUsable", "false");
    answer("workaroundAvailable", "false");
    new Select(browser.await(By.id("usersAffected"))).selectByValue("all");
    new Select(browser.await(By.id("businessImpact"))).selectByValue("critical");
    new Select(browser.await(By.id("proposedSeverity"))).selectByValue("2");
    new Select(browser.await(By.id("region"))).selectByValue("EMEA");
    new Select(browser.await(By.id("language"))).selectByValue("fr");
    long casesBefore = casesOfIvy();

    browser.clickAndWaitForNextPage(By.cssSelector("button[value='quote']"));
    assertThat(browser.await(By.id("quote-severity")).getText()).isEqualTo("Severity 1");
    String promised = browser.await(By.id("quote-due")).getText();
    assertThat(promised).matches("2026-12-\\d\\d \\d\\d:\\d\\d \\(America/New_York\\)");
    assertThat(browser.await(By.id("quote")).getText()).contains("EMEA").contains("French");
    // The quote keeps what was typed, and opens nothing.
    assertThat(browser.await(By.id("subject")).getAttribute("value"))
        .isEqualTo("Bots stopped <script>alert(1)</script>");
    assertThat(new Select(browser.await(By.id("region"))).getFirstSelectedOption().getText())
        .isEqualTo("EMEA");
    assertThat(casesOfIvy()).isEqualTo(casesBefore);
    PortalPages.accessible(browser, "new-case-quote");
    browser.screenshot("new-case-quote");

    browser.clickAndWaitForNextPage(By.cssSelector("button[value='submit']"));
    String opened = browser.await(By.id("opened")).getText();
    assertThat(opened).matches("Case \\S+ is open\\. .*");
    String caseNumber = opened.split(" ")[1];
    assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/cases/" + caseNumber);
    assertThat(browser.await(By.tagName("h1")).getText())
        .isEqualTo(caseNumber + ": Bots stopped <script>alert(1)</script>");
    assertThat(browser.await(By.id("due")).getText()).isEqualTo(promised);
    assertThat(casesOfIvy()).isEqualTo(casesBefore + 1);
    assertThat(
            jdbc.queryForObject(
                "select severity || '/' || proposed_severity from support_case where case_number = ?",
                String.class,
                caseNumber))
        .isEqualTo("1/2");
    browser.screenshot("new-case-opened");
  }

  @Test
  void aDoubleClickOnOpenTheCaseOpensOneCase() {
    browser.open("/portal/cases/new");
    new Select(browser.await(By.id("product"))).selectByValue("automation-360");
    browser.await(By.id("subject")).sendKeys("Where is the licence report?");
    browser.await(By.id("description")).sendKeys("We cannot find it in the Control Room.");
    new Select(browser.await(By.id("requestType"))).selectByValue("question");
    new Select(browser.await(By.id("region"))).selectByValue("AMER");
    long casesBefore = casesOfIvy();
    // Two submissions of one form, as an impatient double click sends them: one key, one case.
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "const form = document.querySelector('main form');"
                + "const open = document.querySelector(\"button[value='submit']\");"
                + "form.requestSubmit(open); form.requestSubmit(open);");
    browser.until(d -> d.getCurrentUrl().matches(".*/portal/cases/CASE-.*"));
    assertThat(browser.await(By.id("opened")).getText()).startsWith("Case ");
    assertThat(casesOfIvy()).isEqualTo(casesBefore + 1);
  }

  @Test
  void aRefusedFormNamesEachFieldAndItsRuleKeepsWhatWasTypedAndOpensNothing() {
    browser.open("/portal/cases/new");
    browser.await(By.id("subject")).sendKeys("Half a form & <i>markup</i>");
    // Past the browser's own limit, as a hand-made request would be.
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "const d = document.getElementById('description');"
                + "d.removeAttribute('maxlength'); d.value = 'x'.repeat(20001);");
    long casesBefore = casesOfIvy();
    browser.clickAndWaitForNextPage(By.cssSelector("button[value='submit']"));

    assertThat(browser.await(By.id("form-error")).getText())
        .contains("Product: is required")
        .contains("Description: must be at most 20000 characters")
        .contains("Is a production system affected?: is required");
    assertThat(browser.await(By.id("subject")).getAttribute("value"))
        .isEqualTo("Half a form & <i>markup</i>");
    assertThat(browser.await(By.id("description")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.await(By.id("description")).getAttribute("aria-describedby"))
        .isEqualTo("description-error");
    assertThat(browser.await(By.id("description-error")).getText())
        .isEqualTo("must be at most 20000 characters");
    assertThat(browser.await(By.id("description")).getAttribute("value")).hasSize(20001);
    assertThat(browser.await(By.id("subject")).getAttribute("aria-invalid")).isNull();
    assertThat(casesOfIvy()).isEqualTo(casesBefore);
    PortalPages.accessible(browser, "new-case-errors");
    browser.screenshot("new-case-errors");
  }

  @Test
  void onAPhoneTheFormIsOneColumnAndInFrench() {
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/portal/cases/new?lang=fr");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Ouvrir un cas");
    assertThat(
            browser
                .await(By.cssSelector("label[for='productUsable'], #productUsable legend"))
                .getText())
        .isEqualTo("Pouvez-vous encore utiliser le produit ?");
    // Nothing wider than the screen: no sideways scrolling on a phone.
    assertThat(PortalPages.pageWidth(browser)).isLessThanOrEqualTo(390L);
    PortalPages.accessible(browser, "new-case-fr-phone");
    browser.screenshot("new-case-fr-phone");
    browser.clickAndWaitForNextPage(By.cssSelector("button[value='quote']"));
    assertThat(browser.await(By.id("form-error")).getText())
        .startsWith("Veuillez corriger ces ")
        .contains("Produit : est obligatoire")
        .contains("Objet : est obligatoire");
    browser.screenshot("new-case-fr-phone-errors");
  }

  void answer(String question, String value) {
    browser.await(By.cssSelector("input[name='" + question + "'][value='" + value + "']")).click();
  }

  long casesOfIvy() {
    return jdbc.queryForObject(
        "select count(*) from support_case where submitter = ?", Long.class, IVY);
  }
}
