package io.caseops.cases;

import java.util.Locale;

/**
 * What the engineer chose in RespondToCustomer or WorkCase: the {@code action} that
 * Gateway_NextStep routes on.
 */
enum NextStep implements ModelValue {
  KEEP_WORKING,
  REQUEST_INFORMATION,
  PROVIDE_RESOLUTION,
  RECLASSIFY,
  CLOSE;

  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Ends in a wait for the customer (CustomerFollowUp). */
  boolean waitsForCustomer() {
    return this == REQUEST_INFORMATION || this == PROVIDE_RESOLUTION;
  }
}
