package io.caseops.demo;

import io.caseops.cases.CaseIntake;
import io.caseops.entitlement.ContactPasswords;
import io.caseops.system.EngineInternals;
import io.caseops.system.StaffGroups;
import io.caseops.system.StaffProperties;
import io.caseops.system.StartupLock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Try it" data, loaded once on the first start with the demo profile: staff users for every role
 * (password = user id, the Camunda convention), one customer account on each of the seven plans
 * (db/demo/accounts.sql), a few months of closed cases ({@link DemoHistory}) and three open cases
 * (once, on an empty database). Never active in production: the profile is off unless asked for.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final String BANNER = "*".repeat(100);

  /** ReviewSchedule.bpmn, which schedules the account reviews (docs/reports.md). */
  private static final String REVIEW_SCHEDULE = "ReviewSchedule";

  /** A demo staff member: user id, name, and the groups they belong to. */
  record StaffMember(String id, String firstName, String lastName, List<String> groups) {}

  static final List<StaffMember> STAFF =
      List.of(
          new StaffMember(
              "amelia", "Amelia", "Brooks", List.of(StaffGroups.SUPPORT_ENGINEERS, "team-amer")),
          new StaffMember(
              "lucas", "Lucas", "Oliveira", List.of(StaffGroups.SUPPORT_ENGINEERS, "team-latam")),
          new StaffMember(
              "emma", "Emma", "Schmidt", List.of(StaffGroups.SUPPORT_ENGINEERS, "team-emea")),
          new StaffMember(
              "arjun", "Arjun", "Rao", List.of(StaffGroups.SUPPORT_ENGINEERS, "team-apac")),
          new StaffMember(
              "kenji", "Kenji", "Sato", List.of(StaffGroups.SUPPORT_ENGINEERS, "team-japan")),
          new StaffMember(
              "sam",
              "Sam",
              "Walker",
              List.of(StaffGroups.SUPPORT_ENGINEERS, "team-follow-the-sun")),
          new StaffMember("erin", "Erin", "Doyle", List.of(StaffGroups.ESCALATION_MANAGERS)),
          new StaffMember("mia", "Mia", "Larsen", List.of(StaffGroups.SUPPORT_MANAGERS)),
          new StaffMember("tom", "Tom", "Fischer", List.of(StaffGroups.TECHNICAL_ACCOUNT_MANAGERS)),
          new StaffMember(
              "clara", "Clara", "Nguyen", List.of(StaffGroups.CUSTOMER_SUCCESS_MANAGERS)),
          new StaffMember("paula", "Paula", "Costa", List.of(StaffGroups.PROCESS_OWNERS)));

  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final StaffProperties staff;
  private final CaseIntake cases;
  private final ContactPasswords passwords;

  private final boolean openDemoCases;
  private final int historyMonths;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final StartupLock startupLock;
  private final TransactionTemplate transactions;

  DemoData(
      IdentityService identity,
      JdbcTemplate jdbc,
      StaffProperties staff,
      CaseIntake cases,
      ContactPasswords passwords,
      StartupLock startupLock,
      PlatformTransactionManager transactionManager,
      TaskService tasks,
      RuntimeService runtime,
      ManagementService management,
      @Value("${caseops.demo.cases:true}") boolean openDemoCases,
      @Value("${caseops.demo.history-months:5}") int historyMonths) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.historyMonths = historyMonths;
    this.startupLock = startupLock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.openDemoCases = openDemoCases;
    this.identity = identity;
    this.jdbc = jdbc;
    this.staff = staff;
    this.cases = cases;
    this.passwords = passwords;
  }

  /**
   * One node at a time (StartupLock), each in one transaction: the next node sees what the first
   * one made, instead of racing it.
   */
  @Override
  public void run(ApplicationArguments args) {
    LOG.warn(
        "\n{}\nDEMO PROFILE: every demo user's and contact's password is well known, and the mail"
            + " sink's inbox\n(/dev/mail) is open to anyone. Never use it on a production database"
            + " or on the internet:\nrun with --spring.profiles.active=postgres"
            + " (docs/operations.md).\n{}",
        BANNER,
        BANNER);
    try (StartupLock.Held held = startupLock.hold("the demo data")) {
      transactions.executeWithoutResult(status -> seed());
      // After the commit: other sessions see the demo users and cases from here on.
      LOG.info("Demo profile: the demo data is in place");
    }
  }

  private void seed() {
    STAFF.forEach(this::createStaffMember);
    // The demo administrator also belongs to every team, so the tour shows all their tasks in
    // Tasklist.
    String admin = staff.admin().id();
    for (String group : allGroupsOf(STAFF)) {
      if (identity.createUserQuery().userId(admin).memberOfGroup(group).count() == 0) {
        identity.createMembership(admin, group);
      }
    }
    Integer accounts =
        jdbc.queryForObject("select count(*) from account where id = 'northwind'", Integer.class);
    if (accounts != null && accounts == 0) {
      new ResourceDatabasePopulator(new ClassPathResource("db/demo/accounts.sql"))
          .execute(jdbc.getDataSource());
      LOG.info("Demo profile: loaded the demo customer accounts (db/demo/accounts.sql)");
    }
    // Demo contacts log in to the contact API with the local part of their e-mail:
    // ivy.patel@initech.example
    // has the password "ivy.patel". Hashed like every contact's password.
    jdbc.queryForList("select email from named_contact where password_hash is null", String.class)
        .forEach(
            email ->
                jdbc.update(
                    "update named_contact set password_hash = ? where email = ?",
                    passwords.hash(email.substring(0, email.indexOf('@'))),
                    email));
    Integer caseCount = jdbc.queryForObject("select count(*) from support_case", Integer.class);
    if (openDemoCases && caseCount != null && caseCount == 0) {
      if (historyMonths > 0) {
        new DemoHistory(cases, tasks, runtime, management, identity, jdbc, admin)
            .write(EngineInternals.now(), historyMonths);
      }
      DEMO_CASES.forEach(
          submission -> {
            CaseIntake.Submitted submitted = cases.submit(submission);
            LOG.info(
                "Demo profile: opened {} ({}), severity {}, first response due {}",
                submitted.caseNumber(),
                submission.submitter(),
                submitted.severity(),
                submitted.dueAt());
          });
      // The reviews of today's periods, at once rather than at the schedule's next hour.
      management
          .createJobQuery()
          .processDefinitionKey(REVIEW_SCHEDULE)
          .timers()
          .list()
          .forEach(timer -> management.executeJob(timer.getId()));
    }
  }

  /**
   * One case for each kind of first response: a timed Sev 2, a Sev 1 that follows the sun, a plan
   * without target.
   */
  static final List<CaseIntake.Submission> DEMO_CASES =
      List.of(
          new CaseIntake.Submission(
              "ivy.patel@initech.example",
              "automation-360",
              "Bots stop at the login screen",
              "Since this morning, every unattended bot on our EMEA runners stops at the Control Room login.",
              new CaseIntake.SeverityAnswers(true, true, false, "several", "critical", "incident"),
              2,
              "EMEA",
              null,
              List.of("jon.berg@initech.example"),
              null),
          new CaseIntake.Submission(
              "ana.lima@northwind.example",
              "adobe-experience-manager",
              "Publishing is down",
              "No page can be published from the author instance; the site is frozen.",
              new CaseIntake.SeverityAnswers(true, false, false, "all", "critical", "incident"),
              1,
              null,
              null,
              List.of(),
              null),
          new CaseIntake.Submission(
              "gina.ruiz@globex.example",
              "automation-360",
              "Question about bot licences",
              "How do we move a bot licence from one runner to another?",
              new CaseIntake.SeverityAnswers(false, true, true, "one", "none", "question"),
              null,
              null,
              "es",
              List.of(),
              null));

  private void createStaffMember(StaffMember member) {
    if (identity.createUserQuery().userId(member.id()).count() > 0) {
      return;
    }
    User user = identity.newUser(member.id());
    user.setFirstName(member.firstName());
    user.setLastName(member.lastName());
    user.setEmail(member.id() + "@caseops.example");
    user.setPassword(member.id());
    identity.saveUser(user);
    member.groups().forEach(group -> identity.createMembership(member.id(), group));
    LOG.info(
        "Demo profile: staff user '{}' (password '{}') in {}",
        member.id(),
        member.id(),
        member.groups());
  }

  private static String[] allGroupsOf(List<StaffMember> staff) {
    return staff.stream()
        .flatMap(member -> member.groups().stream())
        .distinct()
        .toArray(String[]::new);
  }
}
