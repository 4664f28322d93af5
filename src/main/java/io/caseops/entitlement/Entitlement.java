package io.caseops.entitlement;

import io.caseops.sla.ResponseTargets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a case is entitled to, as the entitlement lookup found it: the account and plan, where and in which language
 * it is handled, its initial-response target, and who takes it first.
 *
 * @param region         the coverage region or time slot whose calendar counts the target
 * @param candidateGroup the Camunda group of the initial-response task
 * @param target         the ResponseTarget decision's answer (no target on AAI Orange Sev 2-4)
 * @param plan           every output of the Entitlements decision for the plan
 */
public record Entitlement(String accountId, String accountName, String catalogue, String planName, String product,
                          LocalDate licenceStart, String region, ZoneId zone, String language, int severity,
                          boolean priorityQueue, ResponseTargets.Answer target, String candidateGroup,
                          String escalationManager, String technicalAccountManager, Map<String, Object> plan) {
}
