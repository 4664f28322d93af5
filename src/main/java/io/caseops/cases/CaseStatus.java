package io.caseops.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import io.caseops.system.Api;

/** The statuses of a case, named as in the support lifecycle (docs/support-plans.md section 6). */
@Api
public enum CaseStatus {
  NEW("New"),
  IN_PROGRESS("In progress"),
  AWAITING_CUSTOMER("Awaiting customer response"),
  RESOLUTION_PROVIDED("Resolution provided"),
  CLOSED("Closed"),
  REOPENED("Reopened"),
  REJECTED("Rejected");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  /** The name shown to people, stored in the read model and written in JSON. */
  @JsonValue
  public String label() {
    return label;
  }

  /** Closed or rejected: no one works the case now (a closed one may still be reopened). */
  public boolean isShut() {
    return this == CLOSED || this == REJECTED;
  }

  /** Awaiting the customer's answer or confirmation: nothing for an engineer to do meanwhile. */
  public boolean waitsOnCustomer() {
    return this == AWAITING_CUSTOMER || this == RESOLUTION_PROVIDED;
  }

  public static CaseStatus of(String label) {
    for (CaseStatus status : values()) {
      if (status.label.equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown case status '" + label + "'");
  }
}
