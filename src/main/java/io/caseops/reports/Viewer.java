package io.caseops.reports;

import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.StaffGroups;
import io.caseops.system.web.ForbiddenException;

/**
 * Whose cases a staff user's reports cover: a support manager (or an administrator) every
 * account's; a technical account manager only those of the accounts assigned to them ({@code
 * accountManager}); nobody else any.
 */
record Viewer(String accountManager) {

  static final String REFUSAL = "Reports are for support managers and technical account managers.";

  static Viewer of(StaffUser staff) {
    if (staff.inAny(StaffGroups.SUPPORT_MANAGERS)) {
      return new Viewer(null);
    }
    if (staff.inAny(StaffGroups.TECHNICAL_ACCOUNT_MANAGERS)) {
      return new Viewer(staff.id());
    }
    throw new ForbiddenException(REFUSAL);
  }

  /** Whether the viewer sees an account whose technical account manager is this one. */
  boolean sees(String technicalAccountManager) {
    return accountManager == null || accountManager.equals(technicalAccountManager);
  }
}
