package io.caseops.cases;

import java.util.Locale;

/**
 * Who closed a case: the {@code closedBy} input of the closing tasks; the closure mail is worded
 * after it.
 */
enum ClosedBy implements ModelValue {
  ENGINEER,
  CONFIRMATION,
  NO_ANSWER;

  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
