package io.caseops.sla;

import io.caseops.system.Api;
import java.util.Arrays;

/** How a target is counted (the ResponseTarget decision's {@code clock} output). */
@Api
public enum ClockKind {
  /** Wall-clock time: start + target. */
  CALENDAR("calendar"),
  /**
   * Only time inside the coverage counts; a case submitted outside it starts its clock at the next
   * opening.
   */
  BUSINESS("business");

  private final String value;

  ClockKind(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static ClockKind of(String value) {
    return Arrays.stream(values())
        .filter(kind -> kind.value.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown clock '" + value + "' (known: calendar, business)"));
  }
}
