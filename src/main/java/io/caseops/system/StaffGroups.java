package io.caseops.system;

import java.util.List;

/**
 * The staff groups every CaseOps installation has, besides the regional teams of {@link
 * StaffProperties}.
 */
public final class StaffGroups {

  public static final String SUPPORT_ENGINEERS = "support-engineers";
  public static final String ESCALATION_MANAGERS = "escalation-managers";
  public static final String SUPPORT_MANAGERS = "support-managers";
  public static final String TECHNICAL_ACCOUNT_MANAGERS = "technical-account-managers";
  public static final String CUSTOMER_SUCCESS_MANAGERS = "customer-success-managers";
  public static final String PROCESS_OWNERS = "process-owners";

  /**
   * Scrapers of {@code /actuator/prometheus} and {@code /actuator/info} (a Prometheus server's
   * user): no webapp, no case.
   */
  public static final String MONITORING = "monitoring";

  /** Camunda's own administrators group: members pass every authorization check and use Admin. */
  public static final String ADMINS = "camunda-admin";

  /** Groups that watch cases in Cockpit. */
  public static final List<String> MANAGERS =
      List.of(
          SUPPORT_MANAGERS,
          ESCALATION_MANAGERS,
          TECHNICAL_ACCOUNT_MANAGERS,
          CUSTOMER_SUCCESS_MANAGERS);

  private StaffGroups() {}
}
