package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.ContactClient;
import io.caseops.testsupport.FreePort;
import io.caseops.testsupport.StaffClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code caseops.staff-surfaces.port} set, the webapps, the engine REST API, the staff API and
 * actuator's metrics are served on that port only; the customer port keeps the contact API, the
 * policy and health.
 */
@CaseOpsTest
class StaffSurfacesTest {

  static final int STAFF_PORT = FreePort.find();

  @DynamicPropertySource
  static void staffPort(DynamicPropertyRegistry registry) {
    registry.add("caseops.staff-surfaces.port", () -> STAFF_PORT);
    registry.add("caseops.staff-surfaces.address", () -> "127.0.0.1");
  }

  @LocalServerPort int port;

  @Test
  void staffSurfacesAnswerOnTheirOwnPortOnly() {
    StaffClient customerPort = new StaffClient(port);
    StaffClient staffPort = new StaffClient(STAFF_PORT);
    for (String path :
        List.of(
            "/camunda/app/tasklist/default/",
            "/engine-rest/task",
            "/staff/api/cases/CASE-2026-000001",
            "/actuator/prometheus")) {
      var refused = customerPort.get(path, "demo", "demo");
      assertThat(refused.statusCode()).as(path + " on the customer port").isEqualTo(404);
      assertThat(refused.body()).contains("No such resource on this port.");
      assertThat(staffPort.get(path, "demo", "demo").body())
          .as(path + " on the staff port")
          .doesNotContain("No such resource on this port.");
    }
    assertThat(staffPort.get("/engine-rest/task", "demo", "demo").statusCode()).isEqualTo(200);
    assertThat(staffPort.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    assertThat(customerPort.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(
            customerPort
                .get("/api/policy/calendars/EMEA?catalogue=automation-anywhere")
                .statusCode())
        .isEqualTo(200);
    assertThat(ContactClient.demo(port, "ivy.patel@initech.example").get("/api/me").status())
        .isEqualTo(200);
  }
}
