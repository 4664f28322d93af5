package io.caseops.cases;

import io.caseops.system.Api;
import java.time.Instant;

/**
 * What became of a case's first-response target (SUPPORT-PLANS.md §3), by one rule for the contact
 * API, the portal and the reports: a response is met or missed as recorded when the engineer
 * answered; an unanswered case is missed once past due, unless it was closed before its due
 * instant.
 */
@Api
public enum FirstResponse {
  MET("met"),
  MISSED("breached"),
  /** Open, not answered, not yet due. */
  PENDING("pending"),
  /** The plan sets no target for the severity (e.g. Orange Sev 2-4). */
  NO_TARGET("none"),
  /** Closed (or rejected) before its due instant without a first response: nothing to measure. */
  CLOSED_UNANSWERED("none");

  /** The contact API's word for it; "at-risk" is {@link #label(Instant, Instant)}'s. */
  private final String label;

  FirstResponse(String label) {
    this.label = label;
  }

  /**
   * The outcome of a target due at {@code dueAt} (null: no target), answered at {@code respondedAt}
   * (null: not yet), {@code met} as recorded then, the case closed at {@code closedAt}.
   */
  public static FirstResponse of(
      Instant dueAt, Instant respondedAt, Boolean met, Instant closedAt, Instant now) {
    if (dueAt == null) {
      return NO_TARGET;
    }
    if (respondedAt != null) {
      return Boolean.TRUE.equals(met) ? MET : MISSED;
    }
    if (closedAt != null && !closedAt.isAfter(dueAt)) {
      return CLOSED_UNANSWERED;
    }
    return now.isAfter(dueAt) ? MISSED : PENDING;
  }

  /** Pending, and past its warning instant (75 % of the way to due). */
  public boolean atRisk(Instant warningAt, Instant now) {
    return this == PENDING && warningAt != null && !now.isBefore(warningAt);
  }

  /** "met", "breached", "pending", "at-risk" or "none", as contacts see it. */
  public String label(Instant warningAt, Instant now) {
    return atRisk(warningAt, now) ? "at-risk" : label;
  }
}
