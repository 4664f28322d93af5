package io.caseops.cases;

import java.util.Locale;

/**
 * What the engineer does with a requested RCA: the {@code rcaOutcome} of the WriteRcaDocument form.
 */
enum RcaOutcome implements ModelValue {
  DELIVER,
  DECLINE;

  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
