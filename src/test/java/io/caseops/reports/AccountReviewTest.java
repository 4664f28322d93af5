package io.caseops.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.StaffClient;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case, business and leadership reviews run by the engine (AccountReview.bpmn, scheduled by
 * ReviewSchedule.bpmn at the Entitlements decision's cadences), with the engine clock moved across
 * days, weeks and months: what is scheduled for whom, never twice; the briefing; the case-review
 * hours against the plan's 8 h a month; the summary mail of a business review; overdue reviews in
 * Tasklist's filter and the staff API.
 */
@CaseOpsTest
class AccountReviewTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void noReviewsYet() {
    new ReviewFixture(jdbc, runtime, management).noReviewsYet();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachPlanGetsItsReviewsAtItsCadencesAndNeverTwiceForAPeriod() {
    scheduleAt("2026-12-01T00:10:00Z"); // a Tuesday in UTC; still Monday 30 November in New York
    assertThat(reviews())
        .containsExactlyInAnyOrder(
            "initech/business/2026",
            "stark/business/2026-12",
            "stark/case/2026-W49",
            "umbrella/business/2026-Q4",
            "umbrella/case/2026-12",
            "wayne/business/2026-12",
            "wayne/leadership/2026-Q4");
    Task umbrella = task("umbrella/case/2026-12");
    assertThat(umbrella.getAssignee()).isEqualTo("tom");
    assertThat(umbrella.getName()).isEqualTo("Case review: Umbrella Health, 2026-12");
    assertThat(umbrella.getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-01T00:00:00Z")));
    assertThat(task("umbrella/business/2026-Q4").getAssignee()).isEqualTo("clara");

    // Wayne's daily case reviews follow its review region, AMER (New York).
    scheduleAt("2026-12-01T05:05:00Z");
    assertThat(reviews()).hasSize(8).contains("wayne/case/2026-12-01");
    assertThat(task("wayne/case/2026-12-01").getDueDate())
        .as("the end of the day in New York")
        .isEqualTo(Date.from(Instant.parse("2026-12-02T05:00:00Z")));

    scheduleAt("2026-12-01T09:05:00Z"); // the same day again: nothing new
    assertThat(reviews()).hasSize(8);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AccountReview").count())
        .isEqualTo(8);

    // Six a month, spread over December's working days: the 1st, 4th, 10th, 16th, 21st, 28th.
    scheduleAt("2026-12-02T12:05:00Z");
    assertThat(reviews()).as("not a review day").hasSize(8);
    scheduleAt("2026-12-04T12:05:00Z");
    assertThat(reviews()).hasSize(9).contains("wayne/case/2026-12-04");
    scheduleAt("2026-12-07T12:05:00Z"); // Monday: a new week
    assertThat(reviews()).hasSize(10).contains("stark/case/2026-W50");
    for (String day : List.of("10", "16", "21", "25", "28")) {
      scheduleAt("2026-12-" + day + "T12:05:00Z");
    }
    assertThat(reviews())
        .filteredOn(review -> review.startsWith("wayne/case/2026-12"))
        .as("at most 6 in the month, none on Christmas Day")
        .containsExactlyInAnyOrder(
            "wayne/case/2026-12-01",
            "wayne/case/2026-12-04",
            "wayne/case/2026-12-10",
            "wayne/case/2026-12-16",
            "wayne/case/2026-12-21",
            "wayne/case/2026-12-28");

    // A new year: a new month, quarter and year for every cadence (1 January is a holiday).
    int before = reviews().size();
    scheduleAt("2027-01-04T12:05:00Z");
    assertThat(reviews())
        .hasSize(before + 8)
        .contains(
            "initech/business/2027",
            "stark/business/2027-01",
            "stark/case/2027-W01",
            "umbrella/business/2027-Q1",
            "umbrella/case/2027-01",
            "wayne/business/2027-01",
            "wayne/case/2027-01-04",
            "wayne/leadership/2027-Q1");
  }

  @Test
  void theBriefingGivesTheAccountsCasesAttainmentAndHours() {
    scheduleAt("2026-12-01T00:10:00Z");
    String briefing =
        (String) tasks.getVariableLocal(task("umbrella/case/2026-12").getId(), "briefing");
    assertThat(briefing)
        .contains("### Case review: Umbrella Health, 2026\\-12")
        .contains("**SLA attainment, 2026-12:**")
        .contains("**Open cases (")
        .contains("**Missed first responses, 2026-12")
        .contains("- case-review: 0 h used, 8 h left (2026-12-01 to 2026-12-31)")
        .contains("count against the case-review hours");
  }

  @Test
  void caseReviewHoursCountAgainstTheMonthlyAllowanceAndAreRefusedPastIt() {
    scheduleAt("2026-12-01T05:10:00Z");
    scheduleAt("2026-12-04T12:10:00Z");
    complete("wayne/case/2026-12-01", "tom", form("2026-12-01", "3"));
    assertThat(
            jdbc.queryForObject(
                "select hours from account_review where period = '2026-12-01' and kind = 'case'",
                Double.class))
        .isEqualTo(3.0);

    // 3 h used of 8: 6 more are refused, naming the field and the rule; nothing is recorded.
    String second = "wayne/case/2026-12-04";
    // Tasklist shows the message; the engine wraps the listener's refusal.
    assertThatThrownBy(() -> complete(second, "tom", form("2026-12-04", "6")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("hoursSpent")
        .hasMessageContaining("allows 8.0 h of case-review")
        .hasMessageContaining("5.0 h remain");
    assertThat(task(second)).as("the task stays open").isNotNull();
    assertThat(usedHours("wayne")).isEqualTo(3.0);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from account_review where period = '2026-12-04' and completed_at"
                    + " is not null",
                Integer.class))
        .isZero();

    complete(second, "tom", form("2026-12-04", "5"));
    assertThat(usedHours("wayne")).isEqualTo(8.0);

    // The month's 8 hours are used: no more case reviews this month, the next month's come.
    scheduleAt("2026-12-10T12:05:00Z");
    assertThat(reviews()).doesNotContain("wayne/case/2026-12-10");
    scheduleAt("2027-01-04T12:05:00Z");
    assertThat(reviews()).contains("wayne/case/2027-01-04");
  }

  @Test
  void badInputNamesTheFieldAndLeavesTheTaskOpen() {
    scheduleAt("2026-12-03T10:00:00Z");
    String review = "umbrella/case/2026-12";
    Map<String, Object> future = form("2026-12-04", "1");
    assertThatThrownBy(() -> complete(review, "tom", future))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("heldOn must not be in the future");
    Map<String, Object> empty = form("2026-12-03", "0");
    empty.put("attendees", " ");
    assertThatThrownBy(() -> complete(review, "tom", empty))
        .hasMessageContaining("attendees is required")
        .hasMessageContaining("hoursSpent must be more than 0");
    assertThat(task(review)).isNotNull();
    assertThat(usedHours("umbrella")).isZero();
  }

  @Test
  void aBusinessReviewMailsTheAccountsAdministratorsASummaryOnce() {
    scheduleAt("2026-12-01T00:10:00Z");
    complete("initech/business/2026", "clara", form("2026-12-01", "2"));
    List<Map<String, Object>> mails =
        jdbc.queryForList(
            "select recipients, subject, text_body from mail_outbox where event = 'review-summary'");
    assertThat(mails).hasSize(1);
    // Ivy Patel administers Initech; Jon Berg is a contact, not an administrator.
    assertThat(mails.get(0).get("recipients")).isEqualTo("ivy.patel@initech.example");
    assertThat((String) mails.get(0).get("subject"))
        .isEqualTo("Initech: your business review of 2026");
    assertThat((String) mails.get(0).get("text_body"))
        .contains("held on 2026-12-01 with Ivy Patel, Clara Nguyen")
        .contains("The last 12 months")
        .contains("2026-12:");
    assertThat(usedHours("initech")).as("a business review uses no case-review hours").isZero();
  }

  @Test
  void aReviewNotHeldByTheEndOfItsPeriodIsOverdue() throws Exception {
    scheduleAt("2026-12-01T05:10:00Z");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-02T15:00:00Z")));
    complete("stark/case/2026-W49", "tom", form("2026-12-02", "1"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-08T09:00:00Z")));

    StaffClient client = new StaffClient(port);
    JsonNode overdue =
        json.readTree(client.get("/staff/api/reports/reviews/overdue", "mia", "mia").body());
    assertThat(overdue)
        .extracting(
            r ->
                r.get("accountId").asText()
                    + "/"
                    + r.get("kind").asText()
                    + "/"
                    + r.get("period").asText())
        .containsExactly("wayne/case/2026-12-01");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-02T09:00:00Z")));
    overdue = json.readTree(client.get("/staff/api/reports/reviews/overdue", "tom", "tom").body());
    assertThat(overdue).extracting(r -> r.get("accountId").asText()).doesNotContain("initech");
    assertThat(overdue).extracting(r -> r.get("period").asText()).contains("2026-12", "2026-Q4");

    // Tom's Tasklist filter lists his overdue reviews, not Clara's, not those still due.
    Filter filter = filters.createFilterQuery().filterName("My overdue reviews").singleResult();
    List<Task> toms = asUser("tom", () -> filters.list(filter.getId()));
    assertThat(toms)
        .extracting(Task::getName)
        .contains(
            "Case review: Umbrella Health, 2026-12", "Case review: Wayne Enterprises, 2026-12-01")
        .noneMatch(name -> name.startsWith("Business review"));
  }

  /** Runs ReviewSchedule's timer job at that instant, as the job executor would. */
  void scheduleAt(String instant) {
    new ReviewFixture(jdbc, runtime, management).scheduleAt(instant);
  }

  List<String> reviews() {
    return jdbc.queryForList(
        "select account_id || '/' || kind || '/' || period from account_review", String.class);
  }

  Task task(String businessKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
  }

  static Map<String, Object> form(String heldOn, String hours) {
    Map<String, Object> form = new HashMap<>();
    form.put("heldOn", heldOn);
    form.put("attendees", "Ivy Patel, Clara Nguyen");
    form.put("notes", "Went through the open cases and the month's misses.");
    form.put("hoursSpent", Double.valueOf(hours));
    return form;
  }

  /** Completes the review's task as its reviewer does in Tasklist: logged in, with their groups. */
  void complete(String businessKey, String user, Map<String, Object> form) {
    String id = task(businessKey).getId();
    asUser(
        user,
        () -> {
          tasks.complete(id, form);
          return null;
        });
  }

  <T> T asUser(String user, java.util.function.Supplier<T> action) {
    identity.setAuthentication(
        user,
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  double usedHours(String account) {
    return jdbc.queryForObject(
        "select coalesce(sum(hours), 0) from service_usage where account_id = ? and benefit ="
            + " 'case-review'",
        Double.class,
        account);
  }
}
