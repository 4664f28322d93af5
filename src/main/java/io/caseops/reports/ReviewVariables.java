package io.caseops.reports;

/**
 * The variables of AccountReview.bpmn and its form (forms/AccountReview.form), in one place. Set
 * when ReviewSchedule starts a review; the form's fields come back when its task is completed.
 */
final class ReviewVariables {

  static final String ACCOUNT_ID = "accountId";

  /** "case", "business" or "leadership" ({@link ReviewKind#value()}). */
  static final String REVIEW_KIND = "reviewKind";

  /** The period's name: "2026-12-02", "2026-W49", "2026-12", "2026-Q4", "2026". */
  static final String REVIEW_PERIOD = "reviewPeriod";

  /** The task's name in Tasklist (set by the briefing): "Case review: Umbrella Health, 2026-12". */
  static final String REVIEW_TITLE = "reviewTitle";

  /** The TAM or CSM who holds it (the task's assignee); null when the account has none. */
  static final String REVIEWER = "reviewer";

  /** Who may take it when there is no reviewer, or cover for one. */
  static final String REVIEWER_GROUP = "reviewerGroup";

  /** The end of the period (exclusive), the task's due date: overdue from then on. */
  static final String PERIOD_END = "periodEnd";

  /** Task-local, written when the task is created: what the reviewer reads before the review. */
  static final String BRIEFING = "briefing";

  // The form's fields.
  static final String HELD_ON = "heldOn";
  static final String ATTENDEES = "attendees";
  static final String NOTES = "notes";
  static final String HOURS_SPENT = "hoursSpent";

  private ReviewVariables() {}
}
