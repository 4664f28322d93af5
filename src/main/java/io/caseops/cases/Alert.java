package io.caseops.cases;

import java.util.Locale;

/**
 * The SLA timer that fired: the {@code alert} input of Task_WarnResponseAtRisk and
 * Task_EscalateBreach.
 */
enum Alert implements ModelValue {
  WARNING,
  BREACH;

  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
