package io.caseops.testsupport;

import java.util.Map;

/** The demo's staff, as tests need them (demo/DemoData.java: password = user id). */
public final class DemoStaff {

  /** A demo engineer of each regional team. */
  public static final Map<String, String> ENGINEER_OF =
      Map.of(
          "team-amer", "amelia",
          "team-latam", "lucas",
          "team-emea", "emma",
          "team-apac", "arjun",
          "team-japan", "kenji",
          "team-follow-the-sun", "sam");

  private DemoStaff() {}
}
