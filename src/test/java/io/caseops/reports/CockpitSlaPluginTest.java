package io.caseops.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.DemoCases;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CaseOps' SLA plugin in Camunda Cockpit, in a real headless Chromium: the dashboard panel with the
 * report fixture's figures for a support manager and for a technical account manager, and a support
 * case's SLA tab. Screenshots in target/cockpit-screenshots/.
 */
@CaseOpsTest
class CockpitSlaPluginTest {

  static final By PANEL = By.cssSelector("#caseops-sla-panel[data-loaded='true']");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext service;

  @RegisterExtension static final Browsers browsers = new Browsers("cockpit-screenshots");

  Browser browser;

  @BeforeEach
  void fixture() {
    ReportFixture.march2025(jdbc);
    ReportFixture.history(jdbc, 11);
    // A February case review of Umbrella (Tom's) and a business review of Initech, not held.
    jdbc.update("delete from account_review where period like '2025-%'");
    overdueReview("umbrella", "case", "2025-02", "tom");
    overdueReview("initech", "business", "2025-02", "clara");
    browser = browsers.at(port);
  }

  void overdueReview(String account, String kind, String period, String reviewer) {
    jdbc.update(
        "insert into account_review (account_id, kind, period, period_start, period_end, reviewer,"
            + " process_instance_id, scheduled_at) values (?, ?, ?, timestamp '2025-02-01 00:00:00',"
            + " timestamp '2025-03-01 00:00:00', ?, 'fixture', timestamp '2025-02-01 00:05:00')",
        account,
        kind,
        period,
        reviewer);
  }

  @AfterEach
  void close() {
    jdbc.update("delete from account_review where period like '2025-%'");
    ClockUtil.reset();
  }

  @Test
  void aSupportManagerSeesEachPlanTheTrendAndTheCasesAtRisk() {
    browser.loginToWebapp("cockpit", "mia", "mia");
    WebElement panel = browser.await(PANEL);

    assertThat(panel.findElement(By.className("caseops-period")).getText()).isEqualTo("2025-03");
    WebElement silver =
        panel.findElement(By.cssSelector("#caseops-sla-attainment tr[data-plan='silver']"));
    assertThat(silver.findElement(By.className("goal")).getText()).isEqualTo("90.0 %");
    assertThat(silver.findElement(By.className("actual")).getText()).isEqualTo("75.0 %");
    assertThat(silver.findElement(By.className("counts")).getText())
        .isEqualTo("6 met · 2 missed · 1 pending");
    assertThat(silver.findElement(By.className("budget")).getText()).isEqualTo("0");
    assertThat(silver.findElement(By.className("projection")).getText()).endsWith("(below goal)");
    assertThat(rows(panel, "#caseops-sla-attainment tbody tr", "data-plan"))
        .as("every plan of the catalogues, with cases or not")
        .containsExactlyInAnyOrder(
            "expert", "ultimate", "orange", "silver", "gold", "platinum", "titanium");

    // Twelve months: eleven of history and March; Silver fell below its goal once (November).
    WebElement silverTrend =
        panel.findElement(By.cssSelector("#caseops-sla-trend svg[data-plan='silver']"));
    assertThat(silverTrend.findElements(By.cssSelector("circle.month"))).hasSize(12);
    assertThat(silverTrend.findElements(By.cssSelector("line.goal"))).hasSize(1);
    assertThat(silverTrend.findElements(By.cssSelector("circle.month[fill='#c62828']")))
        .as("below the goal: November (70 %) and March (75 %)")
        .hasSize(2);

    // Past their warning, unanswered, the soonest due first; each links to its instance.
    assertThat(rows(panel, "#caseops-sla-watch tbody tr", "data-case"))
        .containsExactly("RPT-S3", "RPT-G3", "RPT-S4");
    assertThat(panel.findElement(By.cssSelector("tr[data-case='RPT-S3']")).getText())
        .contains("breached, 1 h 0 min late");
    assertThat(panel.findElement(By.cssSelector("tr[data-case='RPT-G3']")).getText())
        .contains("at risk, 30 min left");
    assertThat(rows(panel, "#caseops-reviews-overdue tbody tr", "data-review"))
        .containsExactly("initech/business/2025-02", "umbrella/case/2025-02");
    browser.scrollTo(panel);
    browser.screenshot("dashboard-support-manager");

    // A step back: February, 9 of 10 met, on the goal; no step past this month.
    assertThat(panel.findElement(By.id("caseops-sla-next")).isEnabled()).isFalse();
    panel.findElement(By.id("caseops-sla-previous")).click();
    browser.until(
        d -> panel.findElement(By.className("caseops-period")).getText().equals("2025-02"));
    WebElement february =
        browser.await(By.cssSelector("#caseops-sla-attainment tr[data-plan='silver']"));
    assertThat(february.findElement(By.className("actual")).getText()).isEqualTo("90.0 %");
    assertThat(panel.findElement(By.id("caseops-sla-next")).isEnabled()).isTrue();
  }

  @Test
  void aTechnicalAccountManagerSeesOnlyTheirAccounts() {
    browser.loginToWebapp("cockpit", "tom", "tom");
    WebElement panel = browser.await(PANEL);

    // Tom manages umbrella (Gold) among the fixture's accounts; initech (Silver) is not his.
    assertThat(rows(panel, "#caseops-sla-attainment tbody tr", "data-plan"))
        .containsExactly("gold");
    assertThat(panel.findElements(By.cssSelector("#caseops-sla-trend svg[data-plan='silver']")))
        .isEmpty();
    assertThat(rows(panel, "#caseops-sla-watch tbody tr", "data-case")).containsExactly("RPT-G3");
    assertThat(rows(panel, "#caseops-reviews-overdue tbody tr", "data-review"))
        .containsExactly("umbrella/case/2025-02");
    browser.scrollTo(panel);
    browser.screenshot("dashboard-technical-account-manager");
  }

  @Test
  void aSupportCaseShowsItsSlaTab() {
    DemoCases.Opened kase = DemoCases.submit(service);
    browser.loginToWebapp("cockpit", "mia", "mia");
    browser.open(
        "/camunda/app/cockpit/default/#/process-instance/" + kase.processInstanceId() + "/runtime");
    browser
        .await(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='SLA']"))
        .click();
    WebElement tab = browser.await(By.cssSelector("#caseops-sla-case .outcome"));

    WebElement box = browser.await(By.id("caseops-sla-case"));
    assertThat(box.getText()).contains(kase.caseNumber()).contains("Northwind").contains("Target");
    assertThat(tab.getAttribute("data-outcome")).isEqualTo("PENDING");
    assertThat(box.getText()).contains("None: the severity is the one set at intake.");
    browser.screenshot("case-sla-tab");
  }

  static List<String> rows(WebElement panel, String css, String attribute) {
    return panel.findElements(By.cssSelector(css)).stream()
        .map(row -> row.getAttribute(attribute))
        .toList();
  }
}
