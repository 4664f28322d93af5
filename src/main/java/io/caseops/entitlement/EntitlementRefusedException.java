package io.caseops.entitlement;

import io.caseops.system.Api;

/**
 * The submitter is not entitled to open this case; {@link #reason()} says why, the message says it
 * to a person.
 */
@Api
public class EntitlementRefusedException extends RuntimeException {

  public enum Reason {
    NOT_A_NAMED_CONTACT,
    NOT_NAMED_FOR_PRODUCT,
    UNKNOWN_PRODUCT,
    NO_CONTRACT,
    CONTRACT_EXPIRED,
    REGION_REQUIRED,
    REGION_NOT_ALLOWED,
    LANGUAGE_NOT_ALLOWED
  }

  private final Reason reason;

  public EntitlementRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
