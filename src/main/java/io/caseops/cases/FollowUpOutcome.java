package io.caseops.cases;

import java.util.Locale;

/** How CustomerFollowUp ended: {@code followUpOutcome}, which Gateway_FollowUpOutcome routes on. */
enum FollowUpOutcome implements ModelValue {
  REPLIED,
  CLOSED;

  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
