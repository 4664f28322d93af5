package io.caseops.cases;

import java.util.Locale;

/** Who may read a message ({@code case_message.visibility}): the contacts too, or staff only. */
enum MessageVisibility implements ModelValue {
  PUBLIC,
  INTERNAL;

  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
