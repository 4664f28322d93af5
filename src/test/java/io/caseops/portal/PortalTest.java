package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.cases.CaseIntake;
import io.caseops.cases.EngineerReply;
import io.caseops.system.LoginThrottle;
import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.DemoCases;
import io.caseops.testsupport.StaffClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer portal in a real headless Chromium, as Initech's Ivy Patel (Silver) and Globex's
 * contacts (Orange) use it: sign-in, the case list, a case's conversation, a reply, an engineer's
 * answer, confirming and reopening, French pages, another contact's case on Orange; axe-core finds
 * no serious violation on any page. Screenshots in target/portal-screenshots/.
 */
@CaseOpsTest
class PortalTest {

  static final String IVY = "ivy.patel@initech.example";
  static final By SUBMIT = PortalPages.SUBMIT;

  @LocalServerPort int port;
  @Autowired CaseIntake intake;
  @Autowired TaskService tasks;
  @Autowired LoginThrottle throttle;

  @RegisterExtension static final Browsers browsers = new Browsers("portal-screenshots");

  Browser browser;
  String ivysCase;

  @BeforeEach
  void aCaseOfIvys() {
    ivysCase =
        intake
            .submit(
                DemoCases.submission(
                    IVY,
                    "automation-360",
                    "Runner 7 <b>offline</b>",
                    "Runner 7 is offline since noon.",
                    new CaseIntake.SeverityAnswers(
                        true, true, false, "several", "critical", "incident"),
                    "EMEA"))
            .caseNumber();
    browser = browsers.at(port);
  }

  @Test
  void aContactSignsInSeesTheirCasesAndWritesToSupport() {
    browser.open("/portal");
    WebElement email = browser.await(By.id("email"));
    accessible("sign-in");
    email.sendKeys(IVY);
    browser.await(By.id("password")).sendKeys("not-her-password");
    browser.clickAndWaitForNextPage(SUBMIT);
    assertThat(browser.await(By.id("sign-in-error")).getText())
        .contains("Wrong e-mail or password");
    assertThat(browser.await(By.id("email")).getAttribute("value"))
        .as("what she typed is kept")
        .isEqualTo(IVY);
    browser.screenshot("sign-in-failed");

    browser.await(By.id("password")).sendKeys("ivy.patel");
    browser.clickAndWaitForNextPage(SUBMIT);
    WebElement row = browser.await(By.cssSelector("#cases tr[data-case='" + ivysCase + "']"));
    assertThat(row.getText()).contains("New").contains("Pending");
    assertThat(browser.driver().getPageSource())
        .as("what a customer wrote is escaped")
        .contains("Runner 7 &lt;b&gt;offline&lt;/b&gt;");
    accessible("cases");
    browser.screenshot("cases");

    browser.clickAndWaitForNextPage(By.linkText(ivysCase));
    browser.await(By.id("text")).sendKeys("Restarted the runner; still offline.");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Send']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText()).contains("Your message is sent");
    assertThat(browser.await(By.cssSelector(".conversation")).getText())
        .contains("Restarted the runner; still offline.");
    accessible("case");
    browser.screenshot("case-after-reply");
  }

  @Test
  void anEngineersAnswerReachesThePortalAndTheContactConfirmsThenReopens() {
    signIn(IVY, "ivy.patel");
    var task = tasks.createTaskQuery().processInstanceBusinessKey(ivysCase).singleResult();
    tasks.complete(
        task.getId(),
        EngineerReply.provideResolution("Restart the runner service, then the bots.")
            .formVariables());

    browser.open("/portal/cases/" + ivysCase);
    assertThat(browser.await(By.id("status")).getText()).isEqualTo("Resolution provided");
    assertThat(browser.await(By.cssSelector(".conversation")).getText())
        .contains("CaseOps Support")
        .contains("Restart the runner service, then the bots.");
    browser.screenshot("case-resolution-provided");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Yes, close the case']"));
    assertThat(browser.await(By.id("status")).getText()).isEqualTo("Closed");
    accessible("case-closed");
    browser.screenshot("case-closed");

    browser.await(By.id("reason")).sendKeys("It is back <b>after</b> the restart.");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Reopen the case']"));
    assertThat(browser.await(By.id("status")).getText()).isEqualTo("Reopened");
    assertThat(browser.await(By.cssSelector(".conversation")).getText())
        .as("what a customer wrote shows as written")
        .contains("It is back <b>after</b> the restart.");
  }

  @Test
  void repeatedFailuresForOneEmailLockItForAWhileWithAClearMessage() {
    String olivia = "olivia.reed@wayne.example";
    // A still engine clock: the lock cannot run out while a loaded machine's browser is slow.
    ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
    try {
      browser.open("/portal/sign-in");
      // Three failures are free; the fourth makes the next attempt wait.
      for (int attempt = 1; attempt <= 4; attempt++) {
        browser.await(By.id("email")).clear();
        browser.await(By.id("email")).sendKeys(olivia);
        browser.await(By.id("password")).sendKeys("guess-" + attempt);
        browser.clickAndWaitForNextPage(SUBMIT);
        assertThat(browser.await(By.id("sign-in-error")).getText())
            .as("attempt " + attempt)
            .startsWith("Wrong e-mail or password");
      }
      // Even the right password waits until then.
      browser.await(By.id("password")).sendKeys("olivia.reed");
      browser.clickAndWaitForNextPage(SUBMIT);
      assertThat(browser.await(By.id("sign-in-error")).getText())
          .matches("Too many failed attempts for this e-mail\\. Try again in \\d+ seconds?\\.");
      browser.await(By.id("password")).sendKeys("olivia.reed");
      browser.clickAndWaitForNextPage(SUBMIT);
      assertThat(browser.await(By.id("sign-in-error")).getText()).startsWith("Too many");
      browser.screenshot("sign-in-locked");
    } finally {
      ClockUtil.reset();
      throttle.unlock(LoginThrottle.Surface.CONTACT, olivia);
    }
  }

  @Test
  void pagesAreInFrenchOnRequest() {
    browser.open("/portal/sign-in?lang=fr");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Connexion");
    assertThat(browser.await(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    accessible("sign-in-fr");
    browser.screenshot("sign-in-fr");
    signIn(IVY, "ivy.patel");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Mes cas");
    assertThat(browser.await(By.cssSelector("#cases tr[data-case='" + ivysCase + "']")).getText())
        .contains("Nouveau")
        .contains("À venir");
    assertThat(browser.await(By.cssSelector("#cases caption")).getText())
        .endsWith("les plus récents d'abord");
    browser.screenshot("cases-fr");
  }

  @Test
  void onOrangeAContactDoesNotSeeAnotherContactsCase() {
    String ginas =
        intake
            .submit(
                DemoCases.submission(
                    "gina.ruiz@globex.example",
                    "automation-360",
                    "Licence question",
                    "How do we move a licence?",
                    new CaseIntake.SeverityAnswers(false, true, true, "one", "none", "question"),
                    null))
            .caseNumber();
    signIn("hugo.sanz@globex.example", "hugo.sanz");
    assertThat(browser.all(By.cssSelector("#cases tr[data-case='" + ginas + "']"))).isEmpty();
    browser.open("/portal/cases/" + ginas);
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("No such case");
    accessible("not-found");
    browser.screenshot("not-found");
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsWritten() throws Exception {
    signIn(IVY, "ivy.patel");
    String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<String> forged =
        new StaffClient(port)
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/portal/cases/" + ivysCase + "/messages"))
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("text=forged")));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken =
        new StaffClient(port)
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/portal/cases/" + ivysCase + "/messages"))
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("text=forged&_csrf=not-the-token")));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    browser.open("/portal/cases/" + ivysCase);
    assertThat(browser.await(By.cssSelector(".conversation")).getText()).doesNotContain("forged");
    HttpResponse<String> anonymous = new StaffClient(port).get("/portal/cases");
    assertThat(anonymous.body()).as("signed out: the sign-in page").contains("id=\"password\"");
  }

  @Test
  void onAPhoneTheCasesAndACaseFitTheScreen() {
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    signIn(IVY, "ivy.patel");
    assertThat(PortalPages.pageWidth(browser)).as("my cases").isLessThanOrEqualTo(390L);
    accessible("cases-phone");
    browser.screenshot("cases-phone");
    browser.open("/portal/cases/" + ivysCase);
    assertThat(browser.await(By.id("status")).getText()).isEqualTo("New");
    assertThat(PortalPages.pageWidth(browser)).as("a case").isLessThanOrEqualTo(390L);
    browser.screenshot("case-phone");
    browser.open("/portal/account");
    assertThat(PortalPages.pageWidth(browser)).as("the account").isLessThanOrEqualTo(390L);
    browser.screenshot("account-phone");
  }

  void signIn(String email, String password) {
    PortalPages.signIn(browser, email, password);
    browser.until(d -> d.getCurrentUrl().contains("/portal/cases"));
  }

  void accessible(String page) {
    PortalPages.accessible(browser, page);
  }
}
