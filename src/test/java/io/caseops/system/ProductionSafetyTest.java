package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseops.testsupport.CaseOpsRun;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile nobody has a default password, and start-up says so plainly. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSafetyTest {

  @Test
  void refusesToStartWithoutTheFirstAdminsPassword(CapturedOutput output) throws Exception {
    String database = newDatabase();
    assertThatThrownBy(() -> productionRun(database).start())
        .hasRootCauseInstanceOf(FirstAdminPasswordException.class);
    assertThat(output.getOut())
        .contains("Cannot create the first administrator 'admin': no password is configured")
        .contains("CASEOPS_STAFF_ADMIN_PASSWORD");
    // Refused before the engine: the new database got no engine schema.
    assertThat(engineTables(database)).isZero();
  }

  @Test
  void refusesAWeakFirstAdminPassword(CapturedOutput output) throws Exception {
    String database = newDatabase();
    assertThatThrownBy(
            () -> productionRun(database).property("caseops.staff.admin.password", "admin").start())
        .hasRootCauseInstanceOf(FirstAdminPasswordException.class);
    assertThat(output.getOut()).contains("breaks the password policy");
    assertThat(engineTables(database)).isZero();
  }

  @Test
  void startsWithAConfiguredPasswordAndNoDemoUsers() {
    try (ConfigurableApplicationContext context =
        productionRun(newDatabase())
            .property("caseops.staff.admin.password", "Correct-Horse-42")
            .start()) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("admin");
      assertThat(identity.checkPassword("admin", "Correct-Horse-42")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup(StaffGroups.ADMINS).count()).isEqualTo(1);
      assertThat(context.containsBean("mailSink")).isFalse();
    }
  }

  private static CaseOpsRun productionRun(String database) {
    // No "demo" profile: the production defaults, on a private in-memory H2 database.
    return CaseOpsRun.withProfiles().property("spring.datasource.url", database);
  }

  private static String newDatabase() {
    return "jdbc:h2:mem:production-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  }

  private static int engineTables(String database) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database, "sa", "");
        ResultSet tables =
            connection
                .createStatement()
                .executeQuery(
                    "select count(*) from information_schema.tables where table_name like 'ACT_%'")) {
      tables.next();
      return tables.getInt(1);
    }
  }
}
