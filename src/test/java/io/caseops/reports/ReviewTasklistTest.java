package io.caseops.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case review as the TAM holds it, in a real headless Chromium: Tasklist lists it for Tom with
 * its briefing; he fills in the form and completes it; the review and its hours are recorded.
 * Screenshots in target/tasklist-screenshots/.
 */
@CaseOpsTest
class ReviewTasklistTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @RegisterExtension static final Browsers browsers = new Browsers("tasklist-screenshots");

  Browser browser;

  @BeforeEach
  void reviewsScheduled() {
    ReviewFixture reviews = new ReviewFixture(jdbc, runtime, management);
    reviews.noReviewsYet();
    reviews.scheduleAt("2026-12-03T10:00:00Z");
    browser = browsers.at(port);
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
  }

  @Test
  void theTamHoldsACaseReviewInTasklist() {
    browser.loginToWebapp("tasklist", "tom", "tom");
    browser
        .await(
            By.xpath("//a[contains(normalize-space(), 'Case review: Umbrella Health, 2026-12')]"))
        .click();
    WebElement form = browser.await(By.xpath("//*[contains(text(), 'SLA attainment, 2026-12')]"));
    assertThat(form.isDisplayed()).isTrue();
    assertThat(browser.driver().getPageSource())
        .contains("Open cases (")
        .contains("case-review: 0 h used, 8 h left");
    browser.screenshot("case-review-briefing");

    field("Held on").sendKeys("12/03/2026", Keys.ENTER);
    field("Attendees").sendKeys("Kei Tanaka (Umbrella), Tom Fischer");
    field("Notes").sendKeys("Went through the open cases; no miss this month.");
    field("Hours spent").sendKeys("1.5");
    browser.screenshot("case-review-filled");
    WebElement complete = browser.await(By.xpath("//button[normalize-space()='Complete']"));
    browser.scrollTo(complete);
    complete.click();

    browser.until(
        d ->
            jdbc.queryForObject(
                    "select count(*) from account_review where account_id = 'umbrella' and kind ="
                        + " 'case' and completed_at is not null",
                    Integer.class)
                == 1);
    assertThat(
            jdbc.queryForMap(
                "select held_on, attendees, hours, completed_by from account_review where"
                    + " account_id = 'umbrella' and kind = 'case'"))
        .containsEntry("attendees", "Kei Tanaka (Umbrella), Tom Fischer")
        .containsEntry("completed_by", "tom");
    assertThat(
            jdbc.queryForObject(
                "select sum(hours) from service_usage where account_id = 'umbrella' and benefit ="
                    + " 'case-review'",
                Double.class))
        .isEqualTo(1.5);
    browser.screenshot("case-review-completed");
  }

  /** The form field labelled so (form-js puts the label before its input). */
  WebElement field(String label) {
    return browser.await(
        By.xpath(
            "//label[starts-with(normalize-space(), '"
                + label
                + "')]/following::*[self::input or self::textarea][1]"));
  }
}
