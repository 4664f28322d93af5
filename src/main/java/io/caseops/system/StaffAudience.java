package io.caseops.system;

import static io.caseops.system.StaffGroups.ADMINS;
import static io.caseops.system.StaffGroups.CUSTOMER_SUCCESS_MANAGERS;
import static io.caseops.system.StaffGroups.ESCALATION_MANAGERS;
import static io.caseops.system.StaffGroups.SUPPORT_ENGINEERS;
import static io.caseops.system.StaffGroups.SUPPORT_MANAGERS;
import static io.caseops.system.StaffGroups.TECHNICAL_ACCOUNT_MANAGERS;

import java.util.List;

/**
 * The sets of staff groups that staff operations are open to ({@link StaffAccess}): each set is
 * named once, and docs/operations.md's table lists them. Administrators belong to every one.
 */
public enum StaffAudience {
  /** Everyone who works or looks after cases: reads a case, outages. */
  CASE_STAFF(
      SUPPORT_ENGINEERS,
      ESCALATION_MANAGERS,
      SUPPORT_MANAGERS,
      TECHNICAL_ACCOUNT_MANAGERS,
      CUSTOMER_SUCCESS_MANAGERS),
  /** Who may escalate a case for a customer. */
  ESCALATORS(SUPPORT_ENGINEERS, ESCALATION_MANAGERS, SUPPORT_MANAGERS, TECHNICAL_ACCOUNT_MANAGERS),
  /** Who links cases to an outage. */
  CASE_WORKERS(SUPPORT_ENGINEERS, ESCALATION_MANAGERS, SUPPORT_MANAGERS),
  /** Who speaks for an outage to every linked customer: declare, update, end. */
  INCIDENT_MANAGERS(ESCALATION_MANAGERS, SUPPORT_MANAGERS),
  /** Who reads reports and service hours (a TAM: their accounts). */
  ACCOUNT_FIGURES(SUPPORT_MANAGERS, TECHNICAL_ACCOUNT_MANAGERS),
  /** Every manager: account teams, contacts' login locks. */
  MANAGERS(
      SUPPORT_MANAGERS, ESCALATION_MANAGERS, TECHNICAL_ACCOUNT_MANAGERS, CUSTOMER_SUCCESS_MANAGERS),
  SUPPORT_MANAGEMENT(SUPPORT_MANAGERS),
  ADMINISTRATORS(ADMINS);

  private final List<String> groups;

  StaffAudience(String... groups) {
    this.groups = List.of(groups);
  }

  public List<String> groups() {
    return groups;
  }
}
