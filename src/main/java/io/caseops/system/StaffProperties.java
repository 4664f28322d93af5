package io.caseops.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff set-up: the regional team groups and the first administrator ({@code caseops.staff.*}).
 *
 * @param teams one Camunda group per regional support team; initial-response tasks go to these
 * @param admin the first administrator, created on the first start only
 */
@ConfigurationProperties("caseops.staff")
public record StaffProperties(
    @DefaultValue({
          "team-amer",
          "team-latam",
          "team-emea",
          "team-apac",
          "team-japan",
          "team-follow-the-sun"
        })
        List<String> teams,
    @DefaultValue Admin admin) {

  /**
   * @param id user id of the first administrator
   * @param password required on a database that does not hold that user yet, unless the demo
   *     profile is on
   */
  public record Admin(
      @DefaultValue("admin") String id,
      String password,
      @DefaultValue("CaseOps") String firstName,
      @DefaultValue("Administrator") String lastName,
      String email) {}
}
