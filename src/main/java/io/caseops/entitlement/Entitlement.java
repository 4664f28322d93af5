package io.caseops.entitlement;

import io.caseops.sla.ResponseTargets;
import io.caseops.system.Api;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a case is entitled to before its severity is known: the account and plan, where and in which
 * language it is handled, and who may take it. The severity-dependent parts (target, first team)
 * are methods, because a case learns its severity after this lookup and may be reclassified later.
 *
 * @param region the coverage region or time slot whose calendar counts the target
 * @param regionTeam the Camunda group of that region or time slot
 * @param plan every output of the Entitlements decision for the plan
 */
@Api
public record Entitlement(
    String accountId,
    String accountName,
    String catalogue,
    String planName,
    String product,
    LocalDate licenceStart,
    String region,
    ZoneId zone,
    String language,
    boolean priorityQueue,
    String regionTeam,
    String escalationManager,
    String technicalAccountManager,
    PlanEntitlements.Plan plan) {

  /** The question the ResponseTarget decision answers for this case at a given severity. */
  public ResponseTargets.Question targetQuestion(int severity) {
    return new ResponseTargets.Question(
        catalogue, planName, severity, product, licenceStart, priorityQueue, language);
  }

  /**
   * The designated escalation manager where the plan designates one and the account names one; else
   * null.
   */
  public String designatedEscalationManager() {
    return plan.designatedEscalationManager(escalationManager);
  }
}
