package io.caseops.cases;

import java.util.Locale;

/** Who wrote a message of the conversation ({@code case_message.author_kind}). */
enum AuthorKind implements ModelValue {
  CONTACT,
  STAFF,
  SYSTEM;

  @Override
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
