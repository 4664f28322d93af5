package io.caseops.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first administrator ({@code caseops.staff.admin.*}), created once. Its password is checked
 * before the engine is built, so that a refused start leaves a new production database as it found
 * it (no engine schema), and the operator reads why at once.
 */
@Component
class FirstAdministrator {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

  private final StaffProperties.Admin admin;
  private final Environment environment;
  private final JdbcTemplate database;
  private final String tablePrefix;

  /**
   * The engine's database and table prefix, from where the engine takes them: before the engine's
   * own set-up has run, its configuration knows neither.
   */
  FirstAdministrator(
      StaffProperties staff,
      Environment environment,
      DataSource dataSource,
      CamundaBpmProperties camunda) {
    this.admin = staff.admin();
    this.environment = environment;
    this.database = new JdbcTemplate(dataSource);
    this.tablePrefix = Objects.toString(camunda.getDatabase().getTablePrefix(), "");
  }

  /**
   * Before the engine: refuses to go on when the administrator does not exist yet and the
   * configured password is missing or breaks the engine's password policy.
   */
  void refuseAnUnusablePassword(SpringProcessEngineConfiguration configuration) {
    if (exists()) {
      return;
    }
    if (admin.password() == null || admin.password().isBlank()) {
      throw new FirstAdminPasswordException(admin.id(), "no password is configured");
    }
    if (!configuration.isEnablePasswordPolicy()) {
      return;
    }
    PasswordPolicy policy = EngineInternals.passwordPolicy(configuration);
    // The engine's own rules, as IdentityService.checkPasswordAgainstPolicy applies them.
    List<PasswordPolicyRule> violated = new ArrayList<>();
    for (PasswordPolicyRule rule : policy.getRules()) {
      if (!rule.execute(admin.password(), null)) {
        violated.add(rule);
      }
    }
    if (!violated.isEmpty()) {
      throw new FirstAdminPasswordException(
          admin.id(),
          "the configured password breaks the password policy ("
              + violated.stream()
                  .map(rule -> rule.getPlaceholder() + " " + rule.getParameters())
                  .collect(Collectors.joining(", "))
              + ")");
    }
  }

  /** After the engine: creates the administrator, a member of the administrators, once. */
  void createIfMissing(IdentityService identity) {
    if (identity.createUserQuery().userId(admin.id()).count() > 0) {
      return;
    }
    User user = identity.newUser(admin.id());
    user.setFirstName(admin.firstName());
    user.setLastName(admin.lastName());
    user.setEmail(admin.email());
    user.setPassword(admin.password());
    identity.saveUser(user);
    identity.createMembership(admin.id(), StaffGroups.ADMINS);
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      LOG.info(
          "Demo profile: log in to http://localhost:{}/camunda as '{}' with password '{}'",
          environment.getProperty("server.port", "8080"),
          admin.id(),
          admin.password());
    } else {
      LOG.info("Created the first administrator '{}'", admin.id());
    }
  }

  /** Asked of the database itself: the engine is not built yet, and on a new one has no tables. */
  private boolean exists() {
    try {
      Integer users =
          database.queryForObject(
              "select count(*) from " + tablePrefix + "ACT_ID_USER where ID_ = ?",
              Integer.class,
              admin.id());
      return users != null && users > 0;
    } catch (BadSqlGrammarException noEngineTablesYet) {
      return false;
    }
  }
}
