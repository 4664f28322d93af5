package io.caseops.cases;

import io.caseops.system.web.ConflictException;
import java.time.Instant;

/**
 * A reopen request after the 14-day window: the contact must open a new case that names the old
 * one.
 */
class ReopenWindowClosedException extends ConflictException {

  private final String caseNumber;

  public ReopenWindowClosedException(String caseNumber, Instant windowEnded) {
    super(
        "caseNumber",
        caseNumber
            + " was closed and its reopen window ended on "
            + windowEnded
            + ": open a new case with "
            + "relatedCase = "
            + caseNumber);
    this.caseNumber = caseNumber;
  }

  public String caseNumber() {
    return caseNumber;
  }
}
