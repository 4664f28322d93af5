package io.caseops.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.StaffClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Support managers assign an account's TAM and CSM; the TAM's reports follow the assignment. */
@CaseOpsTest
class AccountTeamTest {

  static final String INITECH = "/staff/api/accounts/initech/team";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void restoreDemoTeam() {
    jdbc.update(
        "update account set technical_account_manager = null, customer_success_manager = 'clara'"
            + " where id = 'initech'");
  }

  HttpResponse<String> put(String path, String user, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSupportManagerAssignsTheTeamAndTheTamThenSeesTheAccountsReports() throws Exception {
    StaffClient staff = new StaffClient(port);
    assertThat(staff.get(INITECH, "tom", "tom").body())
        .contains("\"technicalAccountManager\":null")
        .contains("\"customerSuccessManager\":\"clara\"");
    assertThat(staff.get("/staff/api/reports/attainment?groupBy=account", "tom", "tom").body())
        .doesNotContain("\"initech\"");

    HttpResponse<String> assigned =
        put(
            INITECH,
            "mia",
            "{\"technicalAccountManager\":\"tom\",\"customerSuccessManager\":\"clara\"}");
    assertThat(assigned.statusCode()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select technical_account_manager from account where id = 'initech'", String.class))
        .isEqualTo("tom");
    jdbc.update(
        "insert into support_case (case_number, account_id, product_id, submitter, subject,"
            + " description, status, plan, submitted_at, status_since) values ('TEAM-1',"
            + " 'initech', 'automation-360', 'ivy.patel@initech.example', 'Team', 'Team.', 'New',"
            + " 'silver', current_timestamp, current_timestamp)");
    try {
      assertThat(staff.get("/staff/api/reports/attainment?groupBy=account", "tom", "tom").body())
          .contains("\"key\":\"initech\"");
    } finally {
      jdbc.update("delete from support_case where case_number = 'TEAM-1'");
    }
  }

  @Test
  void onlySupportManagersAssignAndOnlyStaffOfTheRightGroup() throws Exception {
    String body = "{\"technicalAccountManager\":\"tom\",\"customerSuccessManager\":null}";
    assertThat(put(INITECH, "tom", body).statusCode()).isEqualTo(403);
    assertThat(put(INITECH, "emma", body).statusCode()).isEqualTo(403);
    assertThat(new StaffClient(port).get(INITECH, "emma", "emma").statusCode()).isEqualTo(403);

    HttpResponse<String> wrong =
        put(
            INITECH,
            "mia",
            "{\"technicalAccountManager\":\"emma\",\"customerSuccessManager\":\"nobody\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .contains("\"field\":\"technicalAccountManager\"")
        .contains("'emma' is not in the technical-account-managers group")
        .contains("\"field\":\"customerSuccessManager\"")
        .contains("no staff user 'nobody'");
    assertThat(
            jdbc.queryForObject(
                "select customer_success_manager from account where id = 'initech'", String.class))
        .as("nothing half-written")
        .isEqualTo("clara");
    assertThat(put("/staff/api/accounts/nowhere/team", "mia", body).statusCode()).isEqualTo(404);
  }
}
