package io.caseops.reports;

import static io.caseops.testsupport.ProcessTestEngine.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.caseops.testsupport.ProcessTestEngine;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AccountReview.bpmn on the engine alone, with stub briefing, record and summary (AccountReviewTest
 * runs the real ones): the reviewer's task, due at the period's end and open to the reviewer's
 * group, and a summary mailed after a business or leadership review, never after a case review.
 */
@Deployment(resources = {"processes/AccountReview.bpmn", "forms/AccountReview.form"})
class AccountReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessTestEngine.extension("account-review-process-test");

  static final Instant PERIOD_END = Instant.parse("2027-01-01T05:00:00Z");

  RuntimeService runtime;

  @BeforeEach
  void stubs() {
    runtime = ProcessTestEngine.engineOf(extension).getRuntimeService();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T05:05:00Z")));
    CALLS.clear();
    ProcessTestEngine.recordTaskListeners("reviewBriefing", "reviewRecord");
    Mocks.register("reviewSummaryMail", (JavaDelegate) execution -> CALLS.add("reviewSummaryMail"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance schedule(String kind, String reviewer) {
    return runtime
        .createProcessInstanceByKey(ReviewScheduling.PROCESS)
        .businessKey("contoso/" + kind + "/2026-12")
        .setVariable(ReviewVariables.REVIEW_KIND, kind)
        .setVariable(ReviewVariables.REVIEWER, reviewer)
        .setVariable(ReviewVariables.REVIEWER_GROUP, "tam")
        .setVariable(ReviewVariables.PERIOD_END, Date.from(PERIOD_END))
        .execute();
  }

  @Test
  void theReviewersTaskIsBriefedAndDueAtThePeriodsEnd() {
    ProcessInstance instance = schedule("case", "tom");
    assertThat(instance).isWaitingAt("Task_HoldReview");
    Task hold = task(instance);
    assertThat(hold).isAssignedTo("tom");
    // Open to the group too, so that another TAM can cover for the reviewer.
    assertThat(
            ProcessTestEngine.engineOf(extension)
                .getTaskService()
                .getIdentityLinksForTask(hold.getId()))
        .anyMatch(link -> "tam".equals(link.getGroupId()) && "candidate".equals(link.getType()));
    assertThat(hold.getDueDate()).isEqualTo(Date.from(PERIOD_END));
    assertThat(CALLS).containsExactly("reviewBriefing:create");
  }

  @Test
  void aReviewWithoutAReviewerWaitsForItsGroup() {
    ProcessInstance instance = schedule("business", null);
    assertThat(task(instance)).isNotAssigned().hasCandidateGroup("tam");
  }

  @Test
  void aCaseReviewEndsWithoutASummary() {
    ProcessInstance instance = schedule("case", "tom");
    complete(task(instance));
    assertThat(instance)
        .isEnded()
        .hasPassed("EndEvent_ReviewHeld")
        .hasNotPassed("Task_MailSummary");
    assertThat(CALLS).containsExactly("reviewBriefing:create", "reviewRecord:complete");
  }

  @ParameterizedTest
  @ValueSource(strings = {"business", "leadership"})
  void aBusinessOrLeadershipReviewMailsTheAdministratorsASummary(String kind) {
    ProcessInstance instance = schedule(kind, "clara");
    complete(task(instance));
    assertThat(instance).isEnded().hasPassed("Task_MailSummary", "EndEvent_ReviewHeld");
    assertThat(CALLS)
        .containsExactly("reviewBriefing:create", "reviewRecord:complete", "reviewSummaryMail");
  }
}
