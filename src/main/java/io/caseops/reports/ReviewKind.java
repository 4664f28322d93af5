package io.caseops.reports;

import io.caseops.entitlement.PlanEntitlements.Plan;
import io.caseops.system.StaffGroups;
import java.util.Locale;
import java.util.function.Function;

/**
 * The reviews an account's plan includes (SUPPORT-PLANS.md §7), each with its cadence from the
 * Entitlements decision and who holds it: case reviews the account's technical account manager,
 * business and leadership reviews its customer success manager.
 */
enum ReviewKind {
  CASE("case review", Plan::caseReviewCadence, StaffGroups.TECHNICAL_ACCOUNT_MANAGERS),
  BUSINESS("business review", Plan::businessReviewCadence, StaffGroups.CUSTOMER_SUCCESS_MANAGERS),
  LEADERSHIP(
      "leadership review", Plan::leadershipReviewCadence, StaffGroups.CUSTOMER_SUCCESS_MANAGERS);

  final String label;
  private final Function<Plan, String> cadence;
  final String reviewerGroup;

  ReviewKind(String label, Function<Plan, String> cadence, String reviewerGroup) {
    this.label = label;
    this.cadence = cadence;
    this.reviewerGroup = reviewerGroup;
  }

  /** The plan's cadence of this review ("P1M"), null when the plan has none. */
  String cadenceOf(Plan plan) {
    return cadence.apply(plan);
  }

  /** "Case review", for a task's name. */
  String title() {
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }

  /** As stored and as the process variable: "case", "business", "leadership". */
  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ReviewKind of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Case reviews count against the plan's case-review hours (ServiceAllowances). */
  boolean countsHours() {
    return this == CASE;
  }

  /** Business and leadership reviews mail the account's administrators a summary. */
  boolean mailsSummary() {
    return this != CASE;
  }
}
