package io.caseops.demo;

import io.caseops.cases.CaseIntake;
import io.caseops.cases.EngineerReply;
import io.caseops.system.DueJobs;
import io.caseops.system.EngineInternals;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's closed history: the past months' cases of the accounts with response targets, each run
 * through the real lifecycle with the engine clock moved to its instants. The contact submits
 * (intake, severity, due instant), an engineer of the case's team answers, on time or late, closes
 * it a day or two later, and the reopen window runs out, so the attainment panel, its trend and the
 * reports show real figures on a first start. Written before the job executor starts (Spring runs
 * ApplicationRunners before the engine's executor); nothing of it is left running. The mails these
 * cases queued are marked sent and never leave: the story is in the past.
 */
final class DemoHistory {

  private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);

  /** A contact of an account with response targets, and the product they ask about. */
  record Customer(String contact, String product, String region) {}

  static final List<Customer> CUSTOMERS =
      List.of(
          new Customer("ana.lima@northwind.example", "adobe-experience-manager", null),
          new Customer("chloe.martin@contoso.example", "adobe-experience-manager", null),
          new Customer("ivy.patel@initech.example", "automation-360", "EMEA"),
          new Customer("kei.tanaka@umbrella.example", "automation-360", "EMEA"),
          new Customer("maria.silva@stark.example", "automation-360", "AMER"),
          new Customer("noah.kim@wayne.example", "automation-360", "APAC"));

  /** A blocked production job with no workaround (Sev 2), and a degraded one (Sev 3). */
  static final CaseIntake.SeverityAnswers SEV2 =
      new CaseIntake.SeverityAnswers(true, true, false, "several", "critical", "incident");

  static final CaseIntake.SeverityAnswers SEV3 =
      new CaseIntake.SeverityAnswers(true, true, true, "several", "minor", "incident");

  /** One case to be: who, when, and how its first response goes. */
  record Planned(Customer customer, Instant submittedAt, boolean sev2, boolean late, int seed) {}

  private final CaseIntake intake;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final String admin;

  DemoHistory(
      CaseIntake intake,
      TaskService tasks,
      RuntimeService runtime,
      ManagementService management,
      IdentityService identity,
      JdbcTemplate jdbc,
      String admin) {
    this.intake = intake;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
    this.jdbc = jdbc;
    this.admin = admin;
  }

  /**
   * Writes {@code months} full months before {@code now}'s month and this month's days before
   * today, then puts the engine clock back.
   */
  int write(Instant now, int months) {
    List<Planned> plan = plan(now, months);
    try {
      for (Planned planned : plan) {
        try {
          live(planned, now);
        } finally {
          markMailsSent();
        }
      }
    } finally {
      EngineInternals.moveClock(null);
    }
    LOG.info(
        "Demo profile: wrote the history of {} cases over the last {} months (their mails not sent)",
        plan.size(),
        months);
    return plan.size();
  }

  /**
   * Three to six cases a month per customer on weekdays in business hours, in submission order. A
   * fixed seed: every demo start tells the same story. About one in ten is answered late, more in
   * some months, so that the trend dips below a goal now and then.
   */
  static List<Planned> plan(Instant now, int months) {
    Random random = new Random(2026);
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    List<Planned> plan = new ArrayList<>();
    for (int back = months; back >= 0; back--) {
      YearMonth month = current.minusMonths(back);
      double lateShare = back % 3 == 1 ? 0.2 : 0.05;
      for (Customer customer : CUSTOMERS) {
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
          LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
          while (day.getDayOfWeek() == DayOfWeek.SATURDAY
              || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
          }
          // This month's cases only before today: the history ends where the demo begins.
          if (!day.isBefore(today) || day.getMonth() != month.getMonth()) {
            continue;
          }
          Instant submitted =
              day.atTime(LocalTime.of(9 + random.nextInt(6), random.nextInt(60)))
                  .toInstant(ZoneOffset.UTC);
          plan.add(
              new Planned(
                  customer,
                  submitted,
                  random.nextInt(3) == 0,
                  random.nextDouble() < lateShare,
                  random.nextInt(1_000)));
        }
      }
    }
    plan.sort(Comparator.comparing(Planned::submittedAt));
    return plan;
  }

  /** One case from submission to the end of its reopen window. */
  private void live(Planned planned, Instant now) {
    EngineInternals.moveClock(planned.submittedAt());
    CaseIntake.Submitted submitted =
        intake.submit(
            new CaseIntake.Submission(
                planned.customer().contact(),
                planned.customer().product(),
                planned.sev2() ? "Production bots stopped" : "Runs slower than usual",
                planned.sev2()
                    ? "Our scheduled production jobs stopped this morning; nothing runs."
                    : "Since the last update the nightly jobs take twice as long.",
                planned.sev2() ? SEV2 : SEV3,
                null,
                planned.customer().region(),
                null,
                List.of(),
                null));
    String number = submitted.caseNumber();
    Instant dueAt = submitted.dueAt();
    Task first = task(number);
    Instant answered =
        dueAt == null
            ? planned.submittedAt().plus(Duration.ofHours(2))
            : planned.late()
                ? dueAt.plus(Duration.ofMinutes(15 + planned.seed() % 180))
                : planned
                    .submittedAt()
                    .plus(
                        Duration.between(planned.submittedAt(), dueAt)
                            .multipliedBy(20 + planned.seed() % 70)
                            .dividedBy(100));
    // Before the warning and breach timers run: answering ends them, on time or late. A step
    // that would fall after now is left to happen for real.
    if (!step(answered, now)) {
      return;
    }
    complete(
        first,
        EngineerReply.keepWorking(
            "Thank you, we are on it. Could you confirm the version of the Control Room?"));
    if (!step(answered.plus(Duration.ofHours(26 + planned.seed() % 20)), now)) {
      return;
    }
    complete(task(number), EngineerReply.close("Fixed with the patch we sent; closing as agreed."));
    // The reopen window (and whatever else the case left waiting) runs out, unless still open.
    Instant windowOver = answered.plus(Duration.ofDays(17));
    step(windowOver.isBefore(now) ? windowOver : now, now);
    markMailsSent();
    DueJobs.run(management, () -> dueJobsOf(number), false);
  }

  /** Moves the engine clock to {@code at} unless that is after now. */
  private static boolean step(Instant at, Instant now) {
    if (at.isAfter(now)) {
      return false;
    }
    EngineInternals.moveClock(at);
    return true;
  }

  /** The case's own due jobs: its processes' timers and mails, nobody else's. */
  private List<Job> dueJobsOf(String caseNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber)
        .list()
        .stream()
        .flatMap(
            instance ->
                management
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .executable()
                    .list()
                    .stream())
        .sorted(
            Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  private Task task(String caseNumber) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .taskDefinitionKeyIn(EngineerReply.TASKS.toArray(String[]::new))
        .singleResult();
  }

  /** Completes the task as an engineer of its team would in Tasklist: logged in, by name. */
  private void complete(Task task, EngineerReply reply) {
    String group =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow();
    String engineer =
        identity.createUserQuery().memberOfGroup(group).list().stream()
            .map(User::getId)
            .filter(id -> !id.equals(admin))
            .findFirst()
            .orElse(admin);
    identity.setAuthentication(engineer, List.of(group));
    try {
      tasks.complete(task.getId(), reply.formVariables());
    } finally {
      identity.clearAuthentication();
    }
  }

  private void markMailsSent() {
    jdbc.update(
        "update mail_outbox set sent_at = ? where sent_at is null",
        Timestamp.from(EngineInternals.now()));
  }
}
