package io.caseops.sla;

import io.caseops.system.Api;
import java.util.Arrays;

/** Which hours a target counts (the ResponseTarget decision's {@code coverage} output). */
@Api
public enum Coverage {
  /** Every hour of every day. */
  ALWAYS("24x7"),
  /** Every hour from Monday 00:00 to Friday 24:00 in the region's zone; holidays included. */
  WEEKDAYS("24x5"),
  /** The region's weekday window, minus its public and company holidays. */
  BUSINESS_HOURS("business-hours");

  private final String value;

  Coverage(String value) {
    this.value = value;
  }

  /** The name used in DMN, configuration and the API. */
  public String value() {
    return value;
  }

  public static Coverage of(String value) {
    return Arrays.stream(values())
        .filter(coverage -> coverage.value.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown coverage '" + value + "' (known: 24x7, 24x5, business-hours)"));
  }
}
