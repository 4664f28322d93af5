package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.cases.CaseIntake;
import io.caseops.cases.ContactCases;
import io.caseops.cases.EngineerReply;
import io.caseops.entitlement.NamedContacts;
import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.DemoCases;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case's actions beyond replying, in a real headless Chromium, as Initech's Ivy Patel (Silver:
 * root-cause analyses of Sev 1 cases, CC contacts, the 14-day reopen window): the page offers what
 * the rules would accept and nothing else. Screenshots in target/portal-screenshots/.
 */
@CaseOpsTest
class PortalCaseActionsTest {

  static final String IVY = "ivy.patel@initech.example";
  static final String JON = "jon.berg@initech.example";

  @LocalServerPort int port;
  @Autowired CaseIntake intake;
  @Autowired ContactCases cases;
  @Autowired NamedContacts contacts;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @RegisterExtension static final Browsers browsers = new Browsers("portal-screenshots");

  Browser browser;
  String sev1;

  @BeforeEach
  void aSev1CaseOfIvys() {
    sev1 =
        intake
            .submit(
                DemoCases.submission(
                    IVY,
                    "automation-360",
                    "Control Room down",
                    "Nobody can sign in to the Control Room.",
                    new CaseIntake.SeverityAnswers(
                        true, false, false, "all", "critical", "incident"),
                    "EMEA"))
            .caseNumber();
    browser = browsers.at(port);
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
  }

  @Test
  void theSubmitterRequestsTheRcaOnceAndPutsAColleagueInCc() {
    PortalPages.signIn(browser, IVY, "ivy.patel");
    browser.open("/portal/cases/" + sev1);
    browser.clickAndWaitForNextPage(
        By.xpath("//button[normalize-space()='Request a root-cause analysis']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText())
        .isEqualTo("The root-cause analysis is requested.");
    assertThat(browser.await(By.id("rca-requested")).getText())
        .startsWith("A root-cause analysis was requested on ");
    assertThat(browser.all(By.xpath("//button[normalize-space()='Request a root-cause analysis']")))
        .as("once per case")
        .isEmpty();

    browser.await(By.id("cc")).clear();
    browser.await(By.id("cc")).sendKeys(JON + ", <i>someone</i>@else.example");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Save the CC list']"));
    assertThat(browser.await(By.cssSelector(".error")).getText())
        .contains("<i>someone</i>@else.example");
    assertThat(browser.driver().getPageSource()).doesNotContain("<i>someone</i>");
    assertThat(browser.await(By.id("cc")).getAttribute("value"))
        .isEqualTo(JON + ", <i>someone</i>@else.example");
    assertThat(cc()).isZero();

    browser.await(By.id("cc")).clear();
    browser.await(By.id("cc")).sendKeys(JON);
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Save the CC list']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText())
        .isEqualTo("The CC list is saved.");
    assertThat(cc()).isEqualTo(1);
    PortalPages.accessible(browser, "case-actions");
    browser.screenshot("case-actions");

    // Jon, in CC, reads and replies; requesting or changing the CC list is not his to do.
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Sign out']"));
    PortalPages.signIn(browser, JON, "jon.berg");
    browser.open("/portal/cases/" + sev1);
    assertThat(browser.await(By.id("rca-requested")).getText()).startsWith("A root-cause analysis");
    assertThat(browser.all(By.id("cc"))).isEmpty();
    assertThat(browser.all(By.id("text"))).as("he may reply").hasSize(1);
  }

  @Test
  void pastTheReopenWindowTheContactOpensANewCaseLinkedToTheClosedOne() {
    var task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(sev1)
            .taskDefinitionKey("Task_RespondToCustomer")
            .singleResult();
    tasks.complete(
        task.getId(), EngineerReply.provideResolution("Restart the Control Room.").formVariables());
    cases.confirmResolution(contacts.find(IVY).orElseThrow(), sev1);
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));

    PortalPages.signIn(browser, IVY, "ivy.patel");
    browser.open("/portal/cases/" + sev1);
    assertThat(browser.await(By.id("status")).getText()).isEqualTo("Closed");
    assertThat(browser.all(By.id("reason"))).as("no reopening past the window").isEmpty();
    browser.screenshot("case-window-over");
    browser.clickAndWaitForNextPage(By.id("follow-up"));

    assertThat(browser.await(By.id("related")).getText()).contains(sev1);
    assertThat(browser.await(By.id("subject")).getAttribute("value"))
        .isEqualTo("Follows " + sev1 + ": Control Room down");
    assertThat(
            new Select(browser.await(By.id("product")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("automation-360");
    browser.await(By.id("description")).sendKeys("It is down again.");
    browser.await(By.cssSelector("input[name='productionAffected'][value='true']")).click();
    browser.await(By.cssSelector("input[name='productUsable'][value='false']")).click();
    browser.await(By.cssSelector("input[name='workaroundAvailable'][value='false']")).click();
    new Select(browser.await(By.id("usersAffected"))).selectByValue("all");
    new Select(browser.await(By.id("businessImpact"))).selectByValue("critical");
    new Select(browser.await(By.id("region"))).selectByValue("EMEA");
    browser.clickAndWaitForNextPage(By.cssSelector("button[value='submit']"));

    String followUp = browser.await(By.id("opened")).getText().split(" ")[1];
    assertThat(followUp).isNotEqualTo(sev1);
    assertThat(browser.await(By.id("related-case")).getText()).isEqualTo(sev1);
    assertThat(
            jdbc.queryForObject(
                "select related_case from support_case where case_number = ?",
                String.class,
                followUp))
        .isEqualTo(sev1);
    PortalPages.accessible(browser, "case-follow-up");
    browser.screenshot("case-follow-up");
  }

  int cc() {
    return jdbc.queryForObject(
        "select count(*) from case_cc where case_number = ?", Integer.class, sev1);
  }
}
