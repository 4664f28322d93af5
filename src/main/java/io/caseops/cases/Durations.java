package io.caseops.cases;

import io.caseops.sla.Target;

/**
 * ISO-8601 targets for people: "PT30M" as "30 minutes", "P1D" as "1 business day" is the clock's
 * business.
 */
final class Durations {

  private Durations() {}

  static String humanize(String iso) {
    if (iso == null) {
      return "none";
    }
    Target target = Target.parse(iso);
    StringBuilder text = new StringBuilder();
    append(text, target.days(), "day");
    append(text, target.time().toHours(), "hour");
    append(text, target.time().toMinutesPart(), "minute");
    return text.isEmpty() ? iso : text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(text.isEmpty() ? "" : " ")
          .append(amount)
          .append(' ')
          .append(unit)
          .append(amount == 1 ? "" : "s");
    }
  }
}
