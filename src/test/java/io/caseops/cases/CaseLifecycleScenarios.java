package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.caseops.cases.CaseIntake.SeverityAnswers;
import io.caseops.cases.CaseIntake.Submission;
import io.caseops.system.DueJobs;
import io.caseops.testsupport.Concurrently;
import io.caseops.testsupport.TestSmtp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole cases through CaseIntake and ContactActions with the real delegates, decisions, read model,
 * outbox and SMTP (GreenMail). The job executor is off: each test moves the engine clock and runs
 * the jobs that fall due, timers and mails alike. Subclasses pick the database (H2 here, PostgreSQL
 * in CI).
 */
abstract class CaseLifecycleScenarios {

  /** The shared test SMTP server (TestSmtp), as it runs now. */
  static GreenMail smtp() {
    return TestSmtp.server();
  }

  @Autowired CaseIntake intake;
  @Autowired ContactActions cases;
  @Autowired CaseRecords records;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.FormService formService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  /**
   * Monday 23 November 2026, 10:00 UTC: inside the EMEA windows; the AMER teams start at 13:00
   * (AAI) and 14:00 (Adobe) UTC.
   */
  Instant now = Instant.parse("2026-11-23T10:00:00Z");

  @BeforeEach
  void startOfDay() throws Exception {
    ClockUtil.setCurrentTime(Date.from(now));
    runDueJobs();
    smtp().purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  static final SeverityAnswers MAJOR =
      new SeverityAnswers(true, true, false, "several", "major", "incident");

  /** AAI Sev 2: several users, critical business impact, no workaround. */
  static final SeverityAnswers AAI_SEV2 =
      new SeverityAnswers(true, true, false, "several", "critical", "incident");

  static final SeverityAnswers DOWN =
      new SeverityAnswers(true, false, false, "all", "critical", "incident");

  CaseIntake.Submitted submit(
      String contact, String product, SeverityAnswers answers, String region, List<String> cc) {
    return intake.submit(
        new Submission(
            contact,
            product,
            "Bots stop at login",
            "Since 08:00 <b>all</b> bots fail " + "with <script>alert(1)</script> in the log.",
            answers,
            null,
            region,
            null,
            cc,
            null));
  }

  /**
   * Moves the clock and runs every job that falls due by then; a failing job (SMTP down) is left to
   * its retries.
   */
  void at(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(now.plus(sinceStart)));
    runDueJobs();
  }

  /** The case's open critical-situation tasks. */
  long criticalSituations(String number) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_ManageCriticalSituation")
        .count();
  }

  void runDueJobs() {
    DueJobs.run(management, true);
  }

  Task task(String caseNumber) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .processDefinitionKey(CaseEngine.PROCESS)
            .singleResult()
            .getId();
    return tasks
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKeyIn("Task_RespondToCustomer", "Task_RespondWithoutTarget", "Task_WorkCase")
        .singleResult();
  }

  /**
   * The engineer completes the case's task, as Tasklist does it: logged in, with their
   * authorizations.
   */
  void work(String caseNumber, String engineer, Map<String, Object> form) {
    complete(task(caseNumber).getId(), engineer, form);
  }

  void complete(String taskId, String user, Map<String, Object> form) {
    asEngineer(user, () -> tasks.complete(taskId, form));
  }

  /**
   * The mails sent to an address (To or CC), each once: GreenMail keeps one copy per recipient's
   * mailbox.
   */
  List<MimeMessage> mailsTo(String address) throws Exception {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return Arrays.stream(smtp().getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getAllRecipients())
                        .anyMatch(to -> to.toString().equalsIgnoreCase(address))
                    && seen.add(message.getMessageID());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** The first mail to an address whose subject contains the text. */
  MimeMessage mailTo(String address, String subjectPart) throws Exception {
    return mailsTo(address).stream()
        .filter(mail -> subjectOf(mail).contains(subjectPart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mail to " + address + " about " + subjectPart));
  }

  static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message);
  }

  static List<String> to(MimeMessage message) throws Exception {
    return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
        .map(Object::toString)
        .toList();
  }

  // --- scenarios ---

  @Test
  void aFullCaseFromSubmissionToAutoClosure() throws Exception {
    // Initech (Silver) in the EMEA slot, Sev 2 from the answers: 4 business hours, with Jon in CC.
    CaseIntake.Submitted submitted =
        submit(
            "ivy.patel@initech.example",
            "automation-360",
            AAI_SEV2,
            "EMEA",
            List.of("jon.berg@initech.example"));
    String number = submitted.caseNumber();
    assertThat(number).matches("CASE-2026-\\d{6}");
    assertThat(submitted.severity()).isEqualTo(2);
    assertThat(submitted.responseTarget()).isEqualTo("PT4H");
    assertThat(submitted.dueAt()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
    assertThat(task(number).getTaskDefinitionKey()).isEqualTo("Task_RespondToCustomer");
    assertThat(tasks.getIdentityLinksForTask(task(number).getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("team-emea");

    runDueJobs();
    List<MimeMessage> received = mailsTo("ivy.patel@initech.example");
    assertThat(received).hasSize(1);
    assertThat(subjectOf(received.get(0)))
        .isEqualTo("[" + number + "] We have received your case: Bots stop at login");
    assertThat(body(received.get(0)))
        .contains("Severity: 2")
        .contains("4 hours")
        .contains("Monday 23 November 2026, 09:00 (America/New_York)");
    assertThat(received.get(0).getRecipients(Message.RecipientType.CC))
        .extracting(Object::toString)
        .containsExactly("jon.berg@initech.example");

    at(Duration.ofHours(1));
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.REQUEST_INFORMATION.value(),
            CaseVariables.PUBLIC_REPLY,
            "Which bot version runs on the failing machines?",
            CaseVariables.INTERNAL_NOTE,
            "Looks like the 2026.11 agent."));
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.AWAITING_CUSTOMER);
    assertThat(records.sla(number))
        .get()
        .satisfies(
            sla -> {
              assertThat(sla.met()).isTrue();
              assertThat(sla.respondedBy()).isEqualTo("emma");
              assertThat(sla.respondedAt()).isEqualTo(now.plus(Duration.ofHours(1)));
            });
    runDueJobs();
    MimeMessage asked = mailsTo("ivy.patel@initech.example").get(1);
    assertThat(subjectOf(asked))
        .isEqualTo("[" + number + "] Information needed: Bots stop at login");
    assertThat(body(asked))
        .contains("Emma needs more information")
        .contains("Which bot version")
        .doesNotContain("2026.11 agent");

    at(Duration.ofDays(1).plusHours(1).plusMinutes(1));
    at(Duration.ofDays(3).plusHours(1).plusMinutes(1));
    at(Duration.ofDays(5).plusHours(1).plusMinutes(1));
    at(Duration.ofDays(6).plusHours(1).plusMinutes(1));

    List<MimeMessage> all = mailsTo("ivy.patel@initech.example");
    assertThat(all)
        .extracting(CaseLifecycleScenarios::subjectOf)
        .containsExactly(
            "[" + number + "] We have received your case: Bots stop at login",
            "[" + number + "] Information needed: Bots stop at login",
            "[" + number + "] Reminder 1: we still need your answer",
            "[" + number + "] Reminder 3: we still need your answer",
            "[" + number + "] Reminder 5: we still need your answer",
            "[" + number + "] Case closed: Bots stop at login");
    assertThat(body(all.get(5))).contains("no answer for 6 days").contains("reopen the case until");
    assertThat(mailsTo("jon.berg@initech.example")).hasSize(6);
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from mail_outbox where case_number = ? and sent_at is null",
                Integer.class,
                number))
        .isZero();
  }

  @Test
  void anSmtpOutageLosesNothingAndSendsNothingTwice() throws Exception {
    TestSmtp.stop();
    String number =
        submit("kei.tanaka@umbrella.example", "automation-360", MAJOR, "JAPAN-KOREA", List.of())
            .caseNumber();
    runDueJobs();
    Job failed =
        management
            .createJobQuery()
            .processInstanceId(task(number).getProcessInstanceId())
            .messages()
            .singleResult();
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(failed.getDuedate()).isEqualTo(Date.from(now.plus(Duration.ofMinutes(5))));

    at(Duration.ofMinutes(6));
    assertThat(
            management
                .createJobQuery()
                .messages()
                .jobId(failed.getId())
                .singleResult()
                .getDuedate())
        .as("the second interval of the cycle")
        .isEqualTo(Date.from(now.plus(Duration.ofMinutes(16))));

    TestSmtp.start();
    at(Duration.ofMinutes(17));
    at(Duration.ofHours(1));
    assertThat(mailsTo("kei.tanaka@umbrella.example")).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from mail_outbox where case_number = ? and sent_at is not null",
                Integer.class,
                number))
        .isEqualTo(1);
    assertThat(
            management
                .createJobQuery()
                .messages()
                .processInstanceId(task(number).getProcessInstanceId())
                .count())
        .isZero();
  }

  @Test
  void retriesRunOutIntoAnIncident() {
    TestSmtp.stop();
    try {
      String number =
          submit("lena.kraus@umbrella.example", "automation-360", MAJOR, "EMEA", List.of())
              .caseNumber();
      String instance = task(number).getProcessInstanceId();
      // The cycle PT5M,PT10M,PT30M: the first attempt, three retries, then an incident.
      runDueJobs();
      at(Duration.ofMinutes(6));
      at(Duration.ofMinutes(17));
      at(Duration.ofMinutes(48));
      Job job = management.createJobQuery().processInstanceId(instance).messages().singleResult();
      assertThat(job.getRetries()).isZero();
      assertThat(
              runtime
                  .createIncidentQuery()
                  .processInstanceId(instance)
                  .singleResult()
                  .getIncidentType())
          .isEqualTo("failedJob");
    } finally {
      TestSmtp.start();
    }
  }

  @Test
  void aBreachOnExpertGoesToThePooledEscalationManagers() throws Exception {
    // Northwind (Expert, AMER 06:00-17:30 Los Angeles): P1 is 1 hour on the calendar clock. At
    // 10:00 UTC the AMER team is not at work: EMEA holds the case (follow the sun).
    String number =
        submit("ana.lima@northwind.example", "adobe-experience-manager", DOWN, null, List.of())
            .caseNumber();
    at(Duration.ofMinutes(46));
    assertThat(subjects("emma@caseops.example"))
        .anyMatch(subject -> subject.contains("SLA at risk"));
    assertThat(subjects("erin@caseops.example"))
        .anyMatch(subject -> subject.contains("SLA at risk"));

    at(Duration.ofMinutes(61));
    assertThat(tasks.getIdentityLinksForTask(task(number).getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("team-emea", "escalation-managers");
    assertThat(subjects("erin@caseops.example"))
        .anyMatch(subject -> subject.contains("SLA missed"));
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.NEW);
  }

  @Test
  void aBreachOnUltimateGoesToTheDesignatedManagerAndTheTam() throws Exception {
    // Contoso (Ultimate, EMEA): P1 is 15 minutes; Erin is its designated escalation manager, Tom
    // its TAM.
    String number =
        submit("chloe.martin@contoso.example", "adobe-experience-manager", DOWN, null, List.of())
            .caseNumber();
    at(Duration.ofMinutes(16));
    assertThat(tasks.getIdentityLinksForTask(task(number).getId()))
        .extracting(IdentityLink::getUserId)
        .contains("erin");
    assertThat(tasks.getIdentityLinksForTask(task(number).getId()))
        .extracting(IdentityLink::getGroupId)
        .doesNotContain("escalation-managers");
    assertThat(subjects("erin@caseops.example"))
        .anyMatch(subject -> subject.contains("SLA missed"));
    assertThat(subjects("tom@caseops.example")).anyMatch(subject -> subject.contains("SLA missed"));
  }

  /** The open FollowTheSun instances of a case: one while its target runs around the clock. */
  long handOffs(String caseNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(CaseRouting.PROCESS)
        .processInstanceBusinessKey(caseNumber)
        .count();
  }

  List<String> groups(String caseNumber) {
    return tasks.getIdentityLinksForTask(task(caseNumber).getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * Initech (Silver), English Sev 1 in the APAC slot: 24x7. The case moves from region to region as
   * each closes, then to the on-call team for the hour no slot is open, then to Japan-Korea.
   */
  @Test
  void sev1InEnglishOnSilverFollowsTheSun() throws Exception {
    String number =
        submit("ivy.patel@initech.example", "automation-360", DOWN, "APAC", List.of()).caseNumber();
    assertThat(groups(number)).containsExactly("team-apac");
    assertThat(handOffs(number)).isEqualTo(1);
    tasks.claim(task(number).getId(), "arjun");

    // 11:30 UTC = 17:00 Kolkata: APAC closes; LATAM (until 20:00 UTC) stays open longer than EMEA.
    at(Duration.ofMinutes(90));
    assertThat(groups(number)).contains("team-latam").doesNotContain("team-apac");
    assertThat(task(number).getAssignee()).as("arjun has gone home").isNull();
    assertThat(records.get(number).candidateGroup()).isEqualTo("team-latam");
    assertThat(records.events(number))
        .extracting(CaseRecords.Event::kind, CaseRecords.Event::happenedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hand-off", Instant.parse("2026-11-23T11:30:00Z")));
    assertThat(subjects("lucas@caseops.example"))
        .contains("[" + number + "] Handed to team-latam (follow the sun): Bots stop at login");

    at(Duration.ofHours(10)); // 20:00 UTC: LATAM closes, AMER is open until 22:00
    assertThat(groups(number)).contains("team-amer").doesNotContain("team-latam");
    at(Duration.ofHours(12)); // 22:00 UTC: no slot is open until Japan-Korea at 23:00
    assertThat(groups(number)).contains("team-follow-the-sun");
    at(Duration.ofHours(13));
    assertThat(groups(number)).contains("team-japan").doesNotContain("team-follow-the-sun");
    assertThat(records.events(number)).hasSize(4);

    // Cancelled in Cockpit: the next hand-off finds no case to move and ends the loop.
    runtime.deleteProcessInstance(task(number).getProcessInstanceId(), "cancelled in Cockpit");
    at(Duration.ofHours(22)); // 08:00 UTC: Japan-Korea closes
    assertThat(handOffs(number)).isZero();
    assertThat(records.events(number)).hasSize(4);
  }

  /** Initech's English Sev 1 in the APAC slot (24x7), answered at once by an APAC engineer. */
  String apacSev1AnsweredBy(String engineer, NextStep step, String reply) {
    String number =
        submit("ivy.patel@initech.example", "automation-360", DOWN, "APAC", List.of()).caseNumber();
    work(
        number,
        engineer,
        Map.of(CaseVariables.ACTION, step.value(), CaseVariables.PUBLIC_REPLY, reply));
    return number;
  }

  /** The engineer changes the case's severity, with a reason. */
  void reclassify(String number, String engineer, int severity, String reason) {
    work(
        number,
        engineer,
        Map.of(
            CaseVariables.ACTION,
            NextStep.RECLASSIFY.value(),
            CaseVariables.NEW_SEVERITY,
            Integer.toString(severity),
            CaseVariables.RECLASSIFY_REASON,
            reason));
  }

  @Test
  void aReopenedRoundTheClockCaseFollowsTheSunAgain() throws Exception {
    String number = apacSev1AnsweredBy("arjun", NextStep.CLOSE, "The restart fixed it.");
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.CLOSED);

    at(Duration.ofHours(10)); // 20:00 UTC: APAC is long closed; AMER is open until 22:00
    assertThat(handOffs(number)).as("a closed case follows nobody").isZero();
    cases.reopen(number, "ivy.patel@initech.example", "It is back.");
    assertThat(records.get(number).candidateGroup()).isEqualTo("team-amer");
    assertThat(groups(number)).containsExactly("team-amer");
    assertThat(handOffs(number)).isEqualTo(1);
    at(Duration.ofHours(12)); // 22:00 UTC: no slot is open until Japan-Korea at 23:00
    assertThat(groups(number)).containsExactly("team-follow-the-sun");
  }

  @Test
  void whileACaseWaitsOnTheCustomerAHandOffMailsNoTeam() throws Exception {
    String number =
        apacSev1AnsweredBy(
            "arjun", NextStep.REQUEST_INFORMATION, "Which runner version do you run?");
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.AWAITING_CUSTOMER);

    at(Duration.ofMinutes(90)); // APAC closes: the case moves to LATAM, which has nothing to do
    assertThat(records.get(number).candidateGroup()).isEqualTo("team-latam");
    runDueJobs();
    assertThat(subjects("lucas@caseops.example"))
        .noneMatch(subject -> subject.startsWith("[" + number + "] Handed to"));
  }

  /**
   * Sakura (Adobe Expert, billed in Japan), P1 in Japanese on Japan's Labour Thanksgiving Day: the
   * 24x7 target stands; the English rotation answers until the Japan team opens on Tuesday.
   */
  @Test
  void aJapaneseP1IsAnsweredInEnglishUntilTheJapanTeamOpens() throws Exception {
    String number =
        intake
            .submit(
                new Submission(
                    "yui.mori@sakura.example",
                    "adobe-experience-manager",
                    "出荷データが同期されない",
                    "Since this morning no shipment is published.",
                    DOWN,
                    null,
                    null,
                    "ja",
                    List.of(),
                    null))
            .caseNumber();
    CaseRecords.CaseRecord kase = records.get(number);
    assertThat(kase.responseTarget()).isEqualTo("PT1H");
    assertThat(kase.dueAt()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
    assertThat(groups(number)).containsExactly("team-emea");

    at(Duration.ofHours(7)); // 17:00 UTC: EMEA closes; AMER hands back when Japan opens
    assertThat(groups(number)).contains("team-amer").doesNotContain("team-emea");
    at(Duration.ofHours(14)); // Tuesday 09:00 Tokyo
    assertThat(groups(number)).contains("team-japan").doesNotContain("team-amer");
    assertThat(subjects("kenji@caseops.example"))
        .contains("[" + number + "] Handed to team-japan (follow the sun): 出荷データが同期されない");
    assertThat(records.events(number))
        .extracting(CaseRecords.Event::detail)
        .last()
        .asString()
        .contains("from team-amer to team-japan");
  }

  Task acknowledgement(String caseNumber) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_AcknowledgeEscalation")
        .singleResult();
  }

  /**
   * Escalation on request (Northwind, Expert: the pooled escalation managers). Nobody acknowledges
   * it in time, the support managers hear of it; then Erin does, and the contact is told.
   */
  @Test
  void aContactsEscalationIsAcknowledgedByThePoolAndTheContactIsTold() throws Exception {
    String number =
        submit("ana.lima@northwind.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    assertThat(records.get(number).severity()).isEqualTo(2);
    CaseEscalations.Escalation escalation =
        cases.escalate(number, "ana.lima@northwind.example", "Our shop is losing orders");
    assertThat(escalation.handledBy()).isEqualTo("escalation-managers");
    assertThat(escalation.acknowledgeWithin()).isEqualTo("PT2H");
    assertThat(escalation.acknowledgeBy()).isEqualTo(now.plus(Duration.ofHours(2)));
    Task ack = acknowledgement(number);
    assertThat(ack.getDueDate().toInstant()).isEqualTo(escalation.acknowledgeBy());
    assertThat(tasks.getIdentityLinksForTask(ack.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("escalation-managers");
    runDueJobs();
    assertThat(subjects("erin@caseops.example"))
        .contains("[" + number + "] Escalated: Bots stop at login");
    assertThatThrownBy(() -> cases.escalate(number, "ana.lima@northwind.example", "again"))
        .isInstanceOf(io.caseops.system.web.ConflictException.class)
        .hasMessageContaining("has an open escalation");

    at(Duration.ofHours(2).plusMinutes(1));
    assertThat(subjects("mia@caseops.example"))
        .contains("[" + number + "] Escalation not acknowledged: Bots stop at login");
    assertThat(acknowledgement(number)).as("still waiting for a manager").isNotNull();

    tasks.claim(ack.getId(), "erin");
    complete(
        ack.getId(),
        "erin",
        Map.of(
            CaseVariables.ACKNOWLEDGEMENT,
            "I own this now: a senior engineer joins your call at 13:00."));
    runDueJobs();
    MimeMessage told = mailTo("ana.lima@northwind.example", "Your escalation is acknowledged");
    assertThat(body(told)).contains("Erin").contains("a senior engineer joins your call");
    assertThat(records.messages(number))
        .extracting(CaseRecords.Message::body)
        .contains("Escalation requested: Our shop is losing orders")
        .anyMatch(body -> body.startsWith("Escalation acknowledged:"));
    assertThat(records.events(number))
        .extracting(CaseRecords.Event::kind, CaseRecords.Event::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "escalation-requested", "ana.lima@northwind.example"),
            org.assertj.core.groups.Tuple.tuple("escalation-acknowledged", "erin"));
    assertThat(records.events(number).get(1).detail()).startsWith("late");

    // Acknowledged: the contact may escalate again.
    assertThat(cases.escalate(number, "ana.lima@northwind.example", "Still losing orders"))
        .extracting(CaseEscalations.Escalation::acknowledgeBy)
        .isEqualTo(now.plus(Duration.ofHours(4).plusMinutes(1)));
  }

  /**
   * Issue 25, item 21: a case closed while its escalation waits for a manager and its critical
   * situation is open. The escalation ends with the closure (no overdue alert about a closed case);
   * the critical situation stays for the escalation managers until the case closes for good, and
   * then ends through its own step. Both leave an internal note.
   */
  @Test
  void closingACaseEndsItsOpenEscalationAndClosedForGoodItsCriticalSituation() throws Exception {
    String number =
        submit("kei.tanaka@umbrella.example", "automation-360", DOWN, "JAPAN-KOREA", List.of())
            .caseNumber();
    cases.escalate(number, "kei.tanaka@umbrella.example", "Every bot is down");
    Task open = task(number);
    String group =
        tasks.getIdentityLinksForTask(open.getId()).stream()
            .map(IdentityLink::getGroupId)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElseThrow();
    work(
        number,
        io.caseops.testsupport.DemoStaff.ENGINEER_OF.get(group),
        Map.of(
            CaseVariables.ACTION,
            NextStep.CLOSE.value(),
            CaseVariables.PUBLIC_REPLY,
            "The certificate is renewed; every bot runs again."));

    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseEscalations.PROCESS)
                .processInstanceBusinessKey(number)
                .count())
        .as("the escalation ended with the case")
        .isZero();
    at(Duration.ofDays(1));
    assertThat(subjects("mia@caseops.example"))
        .noneMatch(subject -> subject.startsWith("[" + number + "] Escalation not acknowledged"));
    assertThat(criticalSituations(number))
        .as("the critical situation stays while the case may be reopened")
        .isEqualTo(1);

    at(Duration.ofDays(15));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .isZero();
    assertThat(records.messages(number))
        .filteredOn(message -> message.visibility() == MessageVisibility.INTERNAL)
        .extracting(CaseRecords.Message::body)
        .anyMatch(body -> body.startsWith("Escalation ended with the case:"))
        .anyMatch(body -> body.startsWith("Critical situation ended with the case:"));
  }

  /**
   * An engineer escalates from Tasklist (Start process: Escalate a case, with its start form), with
   * the engineer's own authorizations. On Ultimate the designated manager gets the task.
   */
  @Test
  void anEngineersEscalationFromTasklistGoesToTheDesignatedManager() {
    String number =
        submit("chloe.martin@contoso.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    escalateFromTasklist("emma", number, "Contoso's CTO called the account team");
    Task ack = acknowledgement(number);
    assertThat(ack.getAssignee()).isEqualTo("erin");
    assertThat(tasks.getIdentityLinksForTask(ack.getId()))
        .extracting(IdentityLink::getGroupId)
        .doesNotContain("escalation-managers");
    assertThat(ack.getDueDate().toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));
    assertThat(records.messages(number))
        .filteredOn(message -> message.body().startsWith("Escalation requested"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.author()).isEqualTo("emma");
              assertThat(message.visibility()).isEqualTo(MessageVisibility.INTERNAL);
            });

    // A wrong case number is refused with the reason, as Tasklist shows it.
    assertThatThrownBy(() -> escalateFromTasklist("emma", "CASE-2026-999999", "no such case"))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessageContaining("no case CASE-2026-999999");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseEscalations.PROCESS)
                .count())
        .as("nothing half-started")
        .isEqualTo(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseEscalations.PROCESS)
                .processInstanceBusinessKeyLike("CASE-%")
                .count());
  }

  /** Tasklist's "Start process: Escalate a case", its start form filled in. */
  void escalateFromTasklist(String engineer, String caseNumber, String reason) {
    String definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(CaseEscalations.PROCESS)
            .latestVersion()
            .singleResult()
            .getId();
    asEngineer(
        engineer,
        () ->
            formService.submitStartForm(
                definition,
                Map.of(
                    CaseVariables.CASE_NUMBER,
                    caseNumber,
                    CaseVariables.ESCALATION_REASON,
                    reason)));
  }

  /** Acts as a logged-in member of staff, with their groups' authorizations (as Tasklist). */
  void asEngineer(String engineer, Runnable action) {
    identity.setAuthentication(
        engineer,
        identity.createGroupQuery().groupMember(engineer).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList());
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Outage management over HTTP: staff declare an AEM outage and link cases; Contoso's (Ultimate,
   * prioritized) case goes to the top of its band and its TAM hears of it; a new case is offered
   * the outage and its contact links it; updates reach every linked case; the end restores the
   * priority.
   */
  @Test
  void anOutageReachesEveryLinkedCaseAndPutsUltimateFirst() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    io.caseops.testsupport.StaffClient staff = new io.caseops.testsupport.StaffClient(port);
    String contoso =
        submit("chloe.martin@contoso.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    String northwind =
        submit("ana.lima@northwind.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    String target =
        submit("david.roux@contoso.example", "adobe-target", MAJOR, null, List.of()).caseNumber();
    assertThat(task(contoso).getPriority()).isEqualTo(74);

    assertThat(
            staff
                .postJson(
                    "/staff/api/outages", "{\"product\": \"aem\", \"title\": \"x\"}", "mia", "mia")
                .body())
        .contains("\"field\":\"product\"");
    assertThat(
            staff
                .postJson(
                    "/staff/api/outages",
                    "{\"product\": \"adobe-experience-manager\", \"region\": \"MARS\", \"title\": \"x\"}",
                    "mia",
                    "mia")
                .statusCode())
        .isEqualTo(422);
    var declared =
        staff.postJson(
            "/staff/api/outages",
            "{\"product\": \"adobe-experience-manager\", \"title\": \"AEM author instances unavailable\","
                + " \"text\": \"We are investigating.\"}",
            "mia",
            "mia");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    long id = json.readTree(declared.body()).get("id").asLong();
    String outage = "/staff/api/outages/" + id;

    // All or none: the Adobe Target case is refused, and nothing is linked.
    var refused =
        staff.postJson(
            outage + "/cases",
            "{\"caseNumbers\": [\"" + contoso + "\", \"" + target + "\"]}",
            "emma",
            "emma");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains(target).contains("adobe-target");
    assertThat(json.readTree(staff.get(outage, "emma", "emma").body()).get("cases")).isEmpty();

    var linked =
        staff.postJson(
            outage + "/cases",
            "{\"caseNumbers\": [\"" + contoso + "\", \"" + northwind + "\"]}",
            "emma",
            "emma");
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    assertThat(task(contoso).getPriority()).as("Ultimate: top of the Sev 2 band").isEqualTo(79);
    assertThat(task(northwind).getPriority()).as("Expert: as before").isEqualTo(70);
    runDueJobs();
    assertThat(subjects("tom@caseops.example"))
        .contains(
            "[" + contoso + "] Contoso Ltd is in the outage \"AEM author instances unavailable\"");
    assertThat(body(mailTo("chloe.martin@contoso.example", "Outage: AEM author")))
        .contains("We are investigating.");
    assertThat(records.events(contoso))
        .extracting(CaseRecords.Event::kind, CaseRecords.Event::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("outage-linked", "emma"));

    // A new case on the product is offered the outage; its contact links it.
    io.caseops.testsupport.ContactClient ana =
        io.caseops.testsupport.ContactClient.demo(port, "ana.lima@northwind.example");
    var created =
        ana.post(
            "/api/cases",
            """
            {"product": "adobe-experience-manager", "subject": "Author down", "description": "Cannot log in.",
             "answers": {"productionAffected": true, "productUsable": true, "workaroundAvailable": false,
             "usersAffected": "several", "businessImpact": "major", "requestType": "incident"}}""");
    assertThat(created.status()).isEqualTo(201);
    var offered = created.json().get("activeOutages");
    assertThat(offered).hasSize(1);
    assertThat(offered.get(0).get("id").asLong()).isEqualTo(id);
    assertThat(offered.get(0).get("latest").asText()).isEqualTo("We are investigating.");
    String fresh = created.json().get("caseNumber").asText();
    assertThat(ana.post("/api/cases/" + fresh + "/outage", "{}").problemField())
        .isEqualTo("outageId");
    assertThat(ana.post("/api/cases/" + fresh + "/outage", "{\"outageId\": " + id + "}").status())
        .isEqualTo(204);

    var update =
        staff.postJson(
            outage + "/updates", "{\"text\": \"A fix is deployed in EMEA.\"}", "mia", "mia");
    assertThat(update.statusCode()).isEqualTo(200);
    assertThat(json.readTree(update.body()).get("cases")).hasSize(3);
    runDueJobs();
    for (String number : List.of(contoso, northwind, fresh)) {
      assertThat(records.messages(number))
          .extracting(CaseRecords.Message::body)
          .contains(
              "Outage update (AEM author instances unavailable):\n\nA fix is deployed in EMEA.");
    }
    assertThat(mailsTo("ana.lima@northwind.example"))
        .filteredOn(mail -> body(mail).contains("A fix is deployed in EMEA."))
        .hasSize(2);

    var ended = staff.postJson(outage + "/end", "{\"text\": \"Resolved.\"}", "mia", "mia");
    assertThat(ended.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ended.body()).get("endedAt").isNull()).isFalse();
    assertThat(task(contoso).getPriority()).as("the outage is over").isEqualTo(74);
    assertThat(
            staff.postJson(outage + "/updates", "{\"text\": \"again\"}", "mia", "mia").statusCode())
        .isEqualTo(409);
    assertThat(
            ana.post(
                    "/api/cases",
                    """
                    {"product": "adobe-experience-manager", "subject": "Again", "description": "Slow.",
                     "answers": {"requestType": "question"}}""")
                .json()
                .get("activeOutages"))
        .isEmpty();
  }

  @Test
  void reclassifyingBeforeTheFirstResponseRecomputesTheDueDate() {
    // Contoso Ultimate P2: 30 minutes on 24x5. Reclassified to P4: 1 business day, due Tuesday
    // 10:00 London.
    String number =
        submit("chloe.martin@contoso.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    assertThat(records.get(number).dueAt()).isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
    reclassify(number, "emma", 4, "a how-to question, not an outage");

    CaseRecords.CaseRecord kase = records.get(number);
    assertThat(kase.severity()).isEqualTo(4);
    assertThat(kase.responseTarget()).isEqualTo("P1D");
    assertThat(kase.dueAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(kase.severityReason()).contains("emma").contains("how-to question");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from severity_change where case_number = ?",
                Integer.class,
                number))
        .isEqualTo(1);
    assertThat(task(number).getTaskDefinitionKey()).isEqualTo("Task_RespondToCustomer");
    assertThat(runtime.getVariable(task(number).getExecutionId(), CaseVariables.RECLASSIFY_REASON))
        .as("form fields leave the process once in the read model")
        .isNull();
  }

  @Test
  void aBreachStaysMissedWhenTheCaseIsLoweredAfterIt() throws Exception {
    // Stark, Platinum Sev 1: 15 minutes, round the clock. Nobody answers in time.
    String number =
        submit("maria.silva@stark.example", "automation-360", DOWN, "LATAM", List.of())
            .caseNumber();
    Instant due = records.get(number).dueAt();
    assertThat(due).isEqualTo(now.plus(Duration.ofMinutes(15)));
    at(Duration.ofMinutes(20));
    // Whichever team holds it at this hour (it runs around the clock).
    String engineer =
        io.caseops.testsupport.DemoStaff.ENGINEER_OF.get(records.get(number).candidateGroup());
    reclassify(number, engineer, 4, "one user, a workaround exists");
    assertThat(records.get(number).severity()).isEqualTo(4);
    assertThat(records.get(number).dueAt()).as("the passed due instant stands").isEqualTo(due);
    work(
        number,
        io.caseops.testsupport.DemoStaff.ENGINEER_OF.get(records.get(number).candidateGroup()),
        Map.of(
            CaseVariables.ACTION,
            NextStep.KEEP_WORKING.value(),
            CaseVariables.PUBLIC_REPLY,
            "Use the workaround while we look."));
    assertThat(
            jdbc.queryForObject(
                "select met from sla_record where case_number = ?", Boolean.class, number))
        .as("answered after the due instant it had when it was missed")
        .isFalse();
    runDueJobs();
    assertThat(subjects("erin@caseops.example").stream().filter(s -> s.contains(number)))
        .as("the breach was told once")
        .filteredOn(subject -> subject.contains("SLA missed"))
        .hasSize(1);
  }

  @Test
  void theEngineersFormIsCheckedAgainInJava() {
    String number =
        submit("ana.lima@northwind.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    assertThatThrownBy(
            () ->
                work(
                    number,
                    "amelia",
                    Map.of(CaseVariables.ACTION, NextStep.REQUEST_INFORMATION.value())))
        .hasMessageContaining("publicReply is required");
    assertThatThrownBy(() -> work(number, "amelia", Map.of(CaseVariables.ACTION, "shrug")))
        .hasMessageContaining("action must be one of");
    // Closing without a word to the customer is no first response: it is refused, not met.
    assertThatThrownBy(
            () -> work(number, "amelia", Map.of(CaseVariables.ACTION, NextStep.CLOSE.value())))
        .hasMessageContaining("publicReply is required to close (it is the case's first response)");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sla_record where case_number = ?", Integer.class, number))
        .as("no first response recorded")
        .isZero();
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.NEW);
    assertThat(records.messages(number)).hasSize(1);
  }

  @Test
  void aConfirmedResolutionClosesAndAReopenInTheWindowResumes() throws Exception {
    String number =
        submit("ana.lima@northwind.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    work(
        number,
        "amelia",
        Map.of(
            CaseVariables.ACTION,
            NextStep.PROVIDE_RESOLUTION.value(),
            CaseVariables.PUBLIC_REPLY,
            "Clear the cache, then restart the author instance."));
    at(Duration.ofDays(2));
    cases.confirmResolution(number, "ana.lima@northwind.example");
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.CLOSED);

    at(Duration.ofDays(15)); // 13 days after closure
    cases.reopen(number, "ana.lima@northwind.example", "It is back after the weekend.");
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.REOPENED);
    assertThat(task(number).getTaskDefinitionKey()).isEqualTo("Task_WorkCase");
    runDueJobs();
    assertThat(subjects("ana.lima@northwind.example"))
        .contains("[" + number + "] Case reopened: Bots stop at login");
  }

  @Test
  void aReopenAfter14DaysIsRefusedAndANewRelatedCaseIsOpened() {
    String number =
        submit("ana.lima@northwind.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    work(
        number,
        "amelia",
        Map.of(
            CaseVariables.ACTION,
            NextStep.CLOSE.value(),
            CaseVariables.PUBLIC_REPLY,
            "Closing as agreed on the phone."));
    at(Duration.ofDays(15));

    assertThatThrownBy(() -> cases.reopen(number, "ana.lima@northwind.example", null))
        .isInstanceOf(ReopenWindowClosedException.class)
        .hasMessageContaining("relatedCase = " + number);
    String related =
        intake
            .submit(
                new Submission(
                    "ana.lima@northwind.example",
                    "adobe-experience-manager",
                    "Back again",
                    "Same error as before.",
                    MAJOR,
                    null,
                    null,
                    null,
                    List.of(),
                    number))
            .caseNumber();
    assertThat(records.get(related).relatedCase()).isEqualTo(number);
  }

  @Test
  void aRefusedEntitlementEndsRejectedWithAMailThatSaysWhy() throws Exception {
    CaseIntake.Submitted submitted =
        submit("ben.cho@northwind.example", "adobe-analytics", MAJOR, null, List.of());
    assertThat(submitted.status()).isEqualTo(CaseStatus.REJECTED);
    assertThat(submitted.rejection()).contains("not running");
    runDueJobs();
    MimeMessage mail = mailsTo("ben.cho@northwind.example").get(0);
    assertThat(subjectOf(mail)).isEqualTo("We could not open your case: Bots stop at login");
    assertThat(body(mail)).contains("not running");
  }

  /**
   * Growth is bounded: a rejected case ends at once; its mail goes out; the nightly Housekeeping
   * process later purges the sent mail and its send job's log (which the engine's cleanup never
   * removes), and the engine's history cleanup removes the case's history after its time to live.
   */
  @Test
  void housekeepingAndHistoryCleanupRemoveWhatIsDue() throws Exception {
    CaseIntake.Submitted submitted =
        submit("ben.cho@northwind.example", "adobe-analytics", MAJOR, null, List.of());
    String number = submitted.caseNumber();
    runDueJobs();
    assertThat(mailsTo("ben.cho@northwind.example")).hasSize(1);
    String instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    String sendJobLog =
        "select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and EXECUTION_ID_ is null";
    assertThat(jdbc.queryForObject(sendJobLog, Integer.class, instance))
        .as("the send job's log, without removal time")
        .isPositive();
    String outbox = "select count(*) from mail_outbox where case_number = ?";
    assertThat(jdbc.queryForObject(outbox, Integer.class, number)).isEqualTo(1);

    // 29 days on, the mail is kept; 31 days on, the nightly run purges it and its job log.
    Job nightly =
        management.createJobQuery().processDefinitionKey("Housekeeping").timers().singleResult();
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(29))));
    management.executeJob(nightly.getId());
    assertThat(jdbc.queryForObject(outbox, Integer.class, number)).isEqualTo(1);
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(31))));
    management.executeJob(
        management
            .createJobQuery()
            .processDefinitionKey("Housekeeping")
            .timers()
            .singleResult()
            .getId());
    assertThat(jdbc.queryForObject(outbox, Integer.class, number)).isZero();
    assertThat(jdbc.queryForObject(sendJobLog, Integer.class, instance)).isZero();

    // The engine dates the case's history for removal 180 days (the model's time to live) after
    // its end, and its cleanup removes what is due. Cleanup is global and other tests share the
    // database, so this case is brought forward to day 32 and the cleanup run on day 33, when no
    // other case's history is due yet.
    HistoricProcessInstance ended =
        history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
    assertThat(ended.getRemovalTime().toInstant())
        .isEqualTo(ended.getEndTime().toInstant().plus(Duration.ofDays(180)));
    history
        .setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(Date.from(now.plus(Duration.ofDays(32))))
        .byIds(instance)
        .executeAsync();
    runDueJobs();
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(33))));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count())
        .isZero();
  }

  @Test
  void aSev1RcaIsWrittenAndMailed() throws Exception {
    // Umbrella (Gold) includes RCAs and critical-situation management.
    String number =
        submit("kei.tanaka@umbrella.example", "automation-360", DOWN, "JAPAN-KOREA", List.of())
            .caseNumber();
    assertThat(criticalSituations(number)).isEqualTo(1);
    runDueJobs();
    assertThat(subjects("erin@caseops.example"))
        .contains("[" + number + "] Critical situation: Bots stop at login");

    cases.requestRootCauseAnalysis(number, "kei.tanaka@umbrella.example");
    assertThatThrownBy(() -> cases.requestRootCauseAnalysis(number, "kei.tanaka@umbrella.example"))
        .hasMessageContaining("was requested");
    Task rca =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey("Task_WriteRcaDocument")
            .singleResult();
    tasks.complete(
        rca.getId(),
        Map.of(
            CaseVariables.RCA_DOCUMENT,
            "Steps: logs read. Cause: an expired "
                + "certificate. Fix: renewed. Prevention: expiry monitoring."));
    runDueJobs();
    assertThat(body(mailTo("kei.tanaka@umbrella.example", "Root-cause analysis")))
        .contains("expired certificate");
  }

  @Test
  void anRcaIsRefusedOnPlansWithoutIt() {
    String number =
        submit("ana.lima@northwind.example", "adobe-experience-manager", DOWN, null, List.of())
            .caseNumber();
    assertThatThrownBy(() -> cases.requestRootCauseAnalysis(number, "ana.lima@northwind.example"))
        .hasMessageContaining("does not include root-cause analyses");
  }

  @Test
  void customerTextIsEscapedInTheHtmlPart() throws Exception {
    String number =
        submit("ivy.patel@initech.example", "automation-360", MAJOR, "EMEA", List.of())
            .caseNumber();
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.KEEP_WORKING.value(),
            CaseVariables.PUBLIC_REPLY,
            "Your log shows <script>alert(1)</script>; we remove it."));
    runDueJobs();
    MimeMessage reply = mailTo("ivy.patel@initech.example", "New reply");
    String raw = GreenMailUtil.getWholeMessage(reply);
    assertThat(raw)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<p>Your log shows <script>");
  }

  // --- defects of issue 9: each test failed before its fix ---

  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void longTextsAndLongConversationsKeepTheCaseWorking() throws Exception {
    // Umbrella (Gold) Sev 1: critical situation and RCA included. Every text at the
    // 20,000-character limit.
    String number =
        intake
            .submit(
                new Submission(
                    "kei.tanaka@umbrella.example",
                    "automation-360",
                    "Bots stop",
                    "d".repeat(20_000),
                    DOWN,
                    null,
                    "JAPAN-KOREA",
                    null,
                    List.of(),
                    null))
            .caseNumber();
    Task critical =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey("Task_ManageCriticalSituation")
            .singleResult();
    tasks.complete(
        critical.getId(), Map.of(CaseVariables.CRITICAL_SITUATION_SUMMARY, "s".repeat(20_000)));
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.KEEP_WORKING.value(),
            CaseVariables.PUBLIC_REPLY,
            "r".repeat(20_000),
            CaseVariables.INTERNAL_NOTE,
            "n".repeat(20_000)));
    for (int i = 0; i < 44; i++) {
      cases.reply(number, "kei.tanaka@umbrella.example", "message " + i + " " + "m".repeat(2_000));
    }
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.REQUEST_INFORMATION.value(),
            CaseVariables.PUBLIC_REPLY,
            "q".repeat(20_000)));
    cases.reply(number, "kei.tanaka@umbrella.example", "a".repeat(20_000));
    assertThat(records.messages(number)).hasSizeGreaterThanOrEqualTo(50);
    assertThat(task(number).getTaskDefinitionKey())
        .as("the reply made a new task")
        .isEqualTo("Task_WorkCase");

    String briefing = (String) tasks.getVariableLocal(task(number).getId(), CaseBriefing.BRIEFING);
    assertThat(briefing.length()).isLessThan(CaseBriefing.CONVERSATION_BUDGET + 2_000);
    assertThat(briefing)
        .contains("earlier messages are not shown here")
        .contains("/staff/api/cases/" + number)
        .contains("more characters in the whole conversation");

    cases.requestRootCauseAnalysis(number, "kei.tanaka@umbrella.example");
    Task rca =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey("Task_WriteRcaDocument")
            .singleResult();
    tasks.complete(rca.getId(), Map.of(CaseVariables.RCA_DOCUMENT, "c".repeat(20_000)));
    runDueJobs();
    assertThat(records.messages(number))
        .extracting(CaseRecords.Message::body)
        .anyMatch(
            body -> body.startsWith("Root-cause analysis:") && body.endsWith("c".repeat(20_000)))
        .anyMatch(
            body ->
                body.startsWith("Critical situation handled:")
                    && body.endsWith("s".repeat(20_000)));
    assertThat(subjects("kei.tanaka@umbrella.example"))
        .anyMatch(subject -> subject.contains("Root-cause analysis"));
  }

  @Test
  void aMessageOutsideAWaitingStatusReachesTheEngineer() throws Exception {
    String number =
        submit("ivy.patel@initech.example", "automation-360", AAI_SEV2, "EMEA", List.of())
            .caseNumber();
    tasks.claim(task(number).getId(), "emma");
    at(Duration.ofMinutes(10));
    cases.reply(number, "ivy.patel@initech.example", "It now fails on runner 8 too.");
    String briefing = (String) tasks.getVariableLocal(task(number).getId(), CaseBriefing.BRIEFING);
    assertThat(briefing)
        .contains("It now fails on runner 8 too.")
        .contains("new since this task opened");
    runDueJobs();
    assertThat(subjects("emma@caseops.example"))
        .contains("[" + number + "] New message from the customer: Bots stop at login");
    assertThat(subjects("lucas@caseops.example")).as("the task is Emma's").isEmpty();
  }

  @Test
  void aContactsReplyWaitsForARunningReminderInsteadOfFailing() throws Exception {
    String number =
        submit("ivy.patel@initech.example", "automation-360", AAI_SEV2, "EMEA", List.of())
            .caseNumber();
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.REQUEST_INFORMATION.value(),
            CaseVariables.PUBLIC_REPLY,
            "Which bot version?"));
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1))));
    String caseInstance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseEngine.PROCESS)
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    String followUp =
        runtime
            .createProcessInstanceQuery()
            .superProcessInstanceId(caseInstance)
            .singleResult()
            .getId();
    java.util.concurrent.CountDownLatch reminderRunning =
        new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<Void> replied =
        new java.util.concurrent.CompletableFuture<>();
    Thread contact =
        new Thread(
            () -> {
              try {
                reminderRunning.await();
                cases.reply(number, "ivy.patel@initech.example", "Version 2026.11.");
                replied.complete(null);
              } catch (Throwable e) {
                replied.completeExceptionally(e);
              }
            });
    contact.start();
    // The reminder's job runs and holds its transaction open while the contact replies.
    transaction.executeWithoutResult(
        status -> {
          management.executeJob(
              management
                  .createJobQuery()
                  .timers()
                  .executable()
                  .processInstanceId(followUp)
                  .singleResult()
                  .getId());
          reminderRunning.countDown();
          sleep(1_000);
        });
    replied.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(records.messages(number))
        .extracting(CaseRecords.Message::body)
        .contains("Version 2026.11.");
    assertThat(task(number).getTaskDefinitionKey()).isEqualTo("Task_WorkCase");
  }

  /** Raised to Sev 1 after the first response: follow the sun, critical situation, all told. */
  @Test
  void aRaiseToSev1AfterTheFirstResponseActsAsASev1AtIntake() throws Exception {
    // Umbrella (Gold: critical-situation management), Sev 2 in the EMEA slot, in English.
    String number =
        submit("kei.tanaka@umbrella.example", "automation-360", AAI_SEV2, "EMEA", List.of())
            .caseNumber();
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.KEEP_WORKING.value(),
            CaseVariables.PUBLIC_REPLY,
            "We are looking into it."));
    // 18:00 UTC: EMEA has closed; of the English slots, AMER stays open longest.
    at(Duration.ofHours(8));
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.RECLASSIFY.value(),
            CaseVariables.NEW_SEVERITY,
            "1",
            CaseVariables.RECLASSIFY_REASON,
            "all bots are down now"));

    assertThat(records.get(number).severity()).isEqualTo(1);
    assertThat(tasks.getIdentityLinksForTask(task(number).getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("team-amer");
    assertThat(handOffs(number)).isEqualTo(1);
    assertThat(criticalSituations(number)).isEqualTo(1);
    runDueJobs();
    MimeMessage changed = mailTo("kei.tanaka@umbrella.example", "Severity changed from 2 to 1");
    assertThat(body(changed)).contains("all bots are down now");
    assertThat(subjects("amelia@caseops.example"))
        .contains("[" + number + "] Raised to severity 1: Bots stop at login");

    // Lowered again: out of the round-the-clock queue, back to the slot's team.
    work(
        number,
        "amelia",
        Map.of(
            CaseVariables.ACTION,
            NextStep.RECLASSIFY.value(),
            CaseVariables.NEW_SEVERITY,
            "2",
            CaseVariables.RECLASSIFY_REASON,
            "one runner is back"));
    assertThat(tasks.getIdentityLinksForTask(task(number).getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("team-emea");
    assertThat(records.get(number).candidateGroup()).isEqualTo("team-emea");
    assertThat(handOffs(number)).isZero();
  }

  /**
   * A running case keeps the decisions of the deployment it started with: a process owner's new
   * table applies to new cases, not to a reclassification of an old one.
   */
  @Test
  void aRunningCaseKeepsThePolicyItStartedWith() throws Exception {
    // Contoso (Ultimate) P2: 30 minutes. The new policy makes Ultimate P3 2 hours instead of 1.
    String old =
        submit("chloe.martin@contoso.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    String table =
        java.nio.file.Files.readString(java.nio.file.Path.of("processes/ResponseTarget.dmn"));
    String changed =
        table.replaceFirst(
            "(<rule id=\"Rule_Plan_Ultimate_P3\">(?s:.*?)<text>)\"PT1H\"", "$1\"PT2H\"");
    assertThat(changed).isNotEqualTo(table);
    deployModels("policy-change", changed);
    try {
      work(
          old,
          "emma",
          Map.of(
              CaseVariables.ACTION,
              NextStep.RECLASSIFY.value(),
              CaseVariables.NEW_SEVERITY,
              "3",
              CaseVariables.RECLASSIFY_REASON,
              "a workaround exists"));
      assertThat(records.get(old).responseTarget())
          .as("the old case's own policy")
          .isEqualTo("PT1H");

      String fresh =
          submit(
                  "chloe.martin@contoso.example",
                  "adobe-experience-manager",
                  new SeverityAnswers(true, true, true, "several", "minor", "incident"),
                  null,
                  List.of())
              .caseNumber();
      assertThat(records.get(fresh).severity()).isEqualTo(3);
      assertThat(records.get(fresh).responseTarget()).as("a new case's policy").isEqualTo("PT2H");
    } finally {
      // The shipped policy is the latest again; nothing is deleted, so every case keeps its
      // history.
      deployModels("policy-restored", table);
    }
  }

  /** Deploys the case's models and forms together, with this ResponseTarget table. */
  void deployModels(String name, String responseTarget) throws java.io.IOException {
    var builder = repository.createDeployment().name(name);
    for (String model : List.of("SupportCase.bpmn", "CustomerFollowUp.bpmn", "Severity.dmn")) {
      builder.addString(
          "processes/" + model,
          java.nio.file.Files.readString(java.nio.file.Path.of("processes", model)));
    }
    for (String form :
        List.of("RespondToCustomer", "WorkCase", "ManageCriticalSituation", "WriteRcaDocument")) {
      builder.addString(
          "forms/" + form + ".form",
          java.nio.file.Files.readString(java.nio.file.Path.of("forms", form + ".form")));
    }
    builder.addString("processes/ResponseTarget.dmn", responseTarget).deploy();
  }

  /**
   * A clock that runs around the clock: the team hears of the case at intake, not at the warning.
   */
  @Test
  void aRoundTheClockCaseIsAnnouncedToItsTeamAtIntake() throws Exception {
    // Northwind (Expert, AMER): P1 is 1 hour, 24x7. Initech (Silver) Sev 2 in EMEA: business hours.
    String p1 =
        submit("ana.lima@northwind.example", "adobe-experience-manager", DOWN, null, List.of())
            .caseNumber();
    String sev2 =
        submit("ivy.patel@initech.example", "automation-360", AAI_SEV2, "EMEA", List.of())
            .caseNumber();
    runDueJobs();
    // AMER is not at work at 10:00 UTC: the P1 goes to EMEA, the team at work.
    assertThat(subjects("emma@caseops.example"))
        .anyMatch(subject -> subject.startsWith("[" + p1 + "] New 24x7 case"));
    assertThat(subjects("emma@caseops.example"))
        .noneMatch(subject -> subject.startsWith("[" + sev2 + "] New"));
  }

  /** Tasklist's priority follows the plan as well as the severity (the TaskPriority decision). */
  @Test
  void aTitaniumSev2IsWorkedBeforeAnOrangeSev2() {
    String titanium =
        submit("olivia.reed@wayne.example", "automation-360", AAI_SEV2, "EMEA", List.of())
            .caseNumber();
    String orange =
        submit("gina.ruiz@globex.example", "automation-360", AAI_SEV2, null, List.of())
            .caseNumber();
    assertThat(records.get(titanium).severity()).isEqualTo(2);
    assertThat(records.get(orange).severity()).isEqualTo(2);
    assertThat(task(titanium).getPriority()).isEqualTo(78);
    assertThat(task(orange).getPriority()).isEqualTo(70);
  }

  /** The plans set no time limit on an RCA request; a declined RCA tells the contacts why. */
  @Test
  void anRcaAfterTheReopenWindowIsAcceptedAndADeclineIsExplained() throws Exception {
    String number =
        submit("kei.tanaka@umbrella.example", "automation-360", DOWN, "EMEA", List.of())
            .caseNumber();
    work(
        number,
        "emma",
        Map.of(
            CaseVariables.ACTION,
            NextStep.CLOSE.value(),
            CaseVariables.PUBLIC_REPLY,
            "Fixed by the restart."));
    at(Duration.ofDays(20));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseEngine.PROCESS)
                .processInstanceBusinessKey(number)
                .count())
        .as("the reopen window is over: the case's process has ended")
        .isZero();

    cases.requestRootCauseAnalysis(number, "kei.tanaka@umbrella.example");
    Task rca =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey("Task_WriteRcaDocument")
            .singleResult();
    tasks.complete(
        rca.getId(),
        Map.of(
            CaseVariables.RCA_OUTCOME,
            RcaOutcome.DECLINE.value(),
            CaseVariables.RCA_DECLINE_REASON,
            "The logs of that day were rotated away."));
    runDueJobs();

    MimeMessage declined = mailTo("kei.tanaka@umbrella.example", "No root-cause analysis");
    assertThat(body(declined)).contains("logs of that day were rotated away");
    assertThat(records.messages(number))
        .extracting(CaseRecords.Message::body)
        .anyMatch(body -> body.startsWith("Root-cause analysis declined:"));
  }

  /**
   * The year's counter row does not exist yet: both first cases insert it, one loses and numbers
   * again.
   */
  @Test
  void theFirstCasesOfAYearAtTheSameInstantGetTwoNumbers() throws Exception {
    Integer last =
        jdbc.queryForObject("select max(counter_year) from case_number_counter", Integer.class);
    int year = Math.max(2031, last == null ? 0 : last + 1);
    ClockUtil.setCurrentTime(Date.from(Instant.parse(year + "-01-06T10:00:00Z")));
    List<String> numbers =
        Concurrently.run(
            4,
            () ->
                submit("kei.tanaka@umbrella.example", "automation-360", DOWN, "EMEA", List.of())
                    .caseNumber());
    assertThat(numbers)
        .containsExactlyInAnyOrder(
            "CASE-" + year + "-000001",
            "CASE-" + year + "-000002",
            "CASE-" + year + "-000003",
            "CASE-" + year + "-000004");
  }

  @Test
  void rcaRequestsAtTheSameInstantOpenOneRcaTask() throws Exception {
    String number =
        submit("kei.tanaka@umbrella.example", "automation-360", DOWN, "EMEA", List.of())
            .caseNumber();
    List<Throwable> outcomes =
        Concurrently.failures(
            4, () -> cases.requestRootCauseAnalysis(number, "kei.tanaka@umbrella.example"));
    assertThat(outcomes).filteredOn(java.util.Objects::isNull).hasSize(1);
    assertThat(outcomes)
        .filteredOn(java.util.Objects::nonNull)
        .allMatch(
            refused ->
                refused instanceof io.caseops.system.web.UnprocessableException
                    && refused.getMessage().contains("was requested"));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_WriteRcaDocument")
                .count())
        .isEqualTo(1);
  }

  @Test
  void confirmationsAtTheSameInstantCloseTheCaseOnce() throws Exception {
    String number =
        submit("ana.lima@northwind.example", "adobe-experience-manager", MAJOR, null, List.of())
            .caseNumber();
    work(
        number,
        "amelia",
        Map.of(
            CaseVariables.ACTION,
            NextStep.PROVIDE_RESOLUTION.value(),
            CaseVariables.PUBLIC_REPLY,
            "Clear the cache."));
    List<Throwable> outcomes =
        Concurrently.failures(
            4, () -> cases.confirmResolution(number, "ana.lima@northwind.example"));
    assertThat(outcomes).filteredOn(java.util.Objects::isNull).hasSize(1);
    assertThat(outcomes)
        .filteredOn(java.util.Objects::nonNull)
        .allMatch(
            refused -> refused.getMessage().contains("has no resolution waiting for confirmation"));
    assertThat(records.get(number).status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void aRemovedContactGetsNoMoreMailOfTheCase() throws Exception {
    // Ivy, Initech's delegated administrator, adds and later removes a contact through the contact
    // API.
    io.caseops.testsupport.ContactClient ivy =
        io.caseops.testsupport.ContactClient.demo(port, "ivy.patel@initech.example");
    String leaver = "leaver." + System.nanoTime() + "@initech.example";
    assertThat(
            ivy.post(
                    "/api/account/contacts",
                    "{\"email\": \"" + leaver + "\", \"displayName\": \"Leaver\"}")
                .status())
        .isEqualTo(201);
    try {
      String number =
          submit("ivy.patel@initech.example", "automation-360", AAI_SEV2, "EMEA", List.of(leaver))
              .caseNumber();
      runDueJobs();
      // The invitation to choose a password (through SMTP, as every mail), and the case's.
      assertThat(subjects(leaver)).hasSize(2).contains("Your CaseOps support access for Initech");
      assertThat(body(mailTo(leaver, "Your CaseOps support access")))
          .contains("http://localhost:8080/portal/invitation/")
          .contains("Hello Leaver,");
      assertThat(ivy.delete("/api/account/contacts/" + leaver).status()).isEqualTo(204);
      work(
          number,
          "emma",
          Map.of(
              CaseVariables.ACTION,
              NextStep.KEEP_WORKING.value(),
              CaseVariables.PUBLIC_REPLY,
              "We are on it."));
      runDueJobs();
      assertThat(mailsTo(leaver)).as("no mail after the removal").hasSize(2);
      assertThat(subjects("ivy.patel@initech.example"))
          .anyMatch(subject -> subject.contains("New reply"));
      assertThat(records.cc(number)).isEmpty();
    } finally {
      jdbc.update("delete from named_contact where email = ?", leaver);
    }
  }

  @Test
  void aStaffAlertWithNoAddressGoesToTheFallback() throws Exception {
    String userId = "nomail" + (System.nanoTime() % 100_000);
    identity.saveUser(identity.newUser(userId));
    identity.createMembership(userId, "team-emea");
    try {
      String number =
          submit("ivy.patel@initech.example", "automation-360", AAI_SEV2, "EMEA", List.of())
              .caseNumber();
      tasks.claim(task(number).getId(), userId);
      cases.reply(number, "ivy.patel@initech.example", "Any news?");
      runDueJobs();
      assertThat(subjects("support@caseops.example"))
          .contains("[" + number + "] New message from the customer: Bots stop at login");
    } finally {
      identity.deleteUser(userId);
    }
  }

  @Test
  void everyAttemptAtAMailCarriesTheSameMessageId() throws Exception {
    String number =
        submit("ivy.patel@initech.example", "automation-360", AAI_SEV2, "EMEA", List.of())
            .caseNumber();
    Job send =
        management
            .createJobQuery()
            .messages()
            .processInstanceId(task(number).getProcessInstanceId())
            .singleResult();
    // SMTP takes the mail, then the job's transaction does not commit (a crash, a database
    // restart).
    transaction.executeWithoutResult(
        status -> {
          management.executeJob(send.getId());
          status.setRollbackOnly();
        });
    management.executeJob(send.getId());
    List<MimeMessage> copies =
        Arrays.stream(smtp().getReceivedMessages())
            .filter(
                mail -> {
                  try {
                    return Arrays.stream(mail.getAllRecipients())
                        .anyMatch(to -> to.toString().equals("ivy.patel@initech.example"));
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(copies).hasSize(2);
    assertThat(copies.get(0).getMessageID())
        .startsWith("<caseops.")
        .endsWith("@caseops.example>")
        .isEqualTo(copies.get(1).getMessageID());
  }

  @Test
  void aFailingTimerIsRetriedOnTheCycle() throws Exception {
    String number =
        submit("ivy.patel@initech.example", "automation-360", AAI_SEV2, "EMEA", List.of())
            .caseNumber();
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(1))));
    Job warning =
        management
            .createJobQuery()
            .timers()
            .executable()
            .processInstanceId(task(number).getProcessInstanceId())
            .singleResult();
    // The case row stays locked by another transaction for longer than the job may wait for it.
    java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      jdbc.queryForList(
                          "select case_number from support_case where case_number = ? for update",
                          number);
                      locked.countDown();
                      await(done);
                    }));
    holder.start();
    try {
      await(locked);
      // The job waits for the lock as long as caseops.db.lock-timeout-ms allows (2 s in the tests),
      // then fails.
      assertThatThrownBy(() -> management.executeJob(warning.getId())).isNotNull();
    } finally {
      done.countDown();
    }
    Job retried = management.createJobQuery().jobId(warning.getId()).singleResult();
    assertThat(retried.getRetries())
        .as("five intervals to go: PT30S,PT2M,PT10M,PT30M,PT2H")
        .isEqualTo(5);
    assertThat(retried.getExceptionMessage()).isNotBlank();
    assertThat(retried.getDuedate())
        .isEqualTo(
            Date.from(
                now.plus(Duration.ofHours(3))
                    .plus(Duration.ofMinutes(1))
                    .plus(Duration.ofSeconds(30))));
    at(Duration.ofHours(3).plus(Duration.ofMinutes(2)));
    assertThat(subjects("emma@caseops.example"))
        .anyMatch(subject -> subject.contains("SLA at risk"));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<String> subjects(String address) throws Exception {
    return mailsTo(address).stream().map(CaseLifecycleScenarios::subjectOf).toList();
  }

  static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
