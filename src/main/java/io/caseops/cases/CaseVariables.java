package io.caseops.cases;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of a support case: every name in one place, each with a typed accessor (Camunda's "process
 * data accessor"). The case's text, messages and history live in the read model (CaseRecords), not here: variables
 * are only what the models' gateways, timers and decisions read.
 */
public final class CaseVariables {

  // Set by CaseService when the case is submitted.
  public static final String SUBMITTER = "submitter";
  public static final String PRODUCT = "product";
  public static final String REQUESTED_REGION = "requestedRegion";
  public static final String REQUESTED_LANGUAGE = "requestedLanguage";
  /** True when the submitter answered the Severity decision's questions; false: take {@link #PROPOSED_SEVERITY}. */
  public static final String SEVERITY_ANSWERED = "severityAnswered";
  public static final String PROPOSED_SEVERITY = "proposedSeverity";
  // The Severity decision's inputs, as the submitter answered them.
  public static final String PRODUCTION_AFFECTED = "productionAffected";
  public static final String PRODUCT_USABLE = "productUsable";
  public static final String WORKAROUND_AVAILABLE = "workaroundAvailable";
  public static final String USERS_AFFECTED = "usersAffected";
  public static final String BUSINESS_IMPACT = "businessImpact";
  public static final String REQUEST_TYPE = "requestType";

  // Set by the entitlement lookup; also the ResponseTarget decision's inputs.
  public static final String ACCOUNT_ID = "accountId";
  public static final String CATALOGUE = "catalogue";
  public static final String PLAN = "plan";
  public static final String REGION = "region";
  public static final String LANGUAGE = "language";
  /** ISO date string: the engine stores no LocalDate without object serialization. */
  public static final String LICENCE_START = "licenceStart";
  public static final String PRIORITY_QUEUE = "priorityQueue";
  /** The Camunda group of the case's region or time slot. */
  public static final String REGION_TEAM = "regionTeam";
  /** The global 24x7 group for Sev 1 in English, or null when the plan does not follow the sun. */
  public static final String FOLLOW_THE_SUN_TEAM = "followTheSunTeam";
  /** Camunda user id of the account's designated escalation manager, where the plan designates one. */
  public static final String DESIGNATED_ESCALATION_MANAGER = "designatedEscalationManager";
  /** The refusal message of a refused entitlement (error boundary event). */
  public static final String REFUSAL = "refusal";

  // Set by the decisions and the schedule.
  public static final String SEVERITY = "severity";
  public static final String RESPONSE_TARGET = "responseTarget";
  public static final String RESPONSE_CLOCK = "responseClock";
  public static final String RESPONSE_COVERAGE = "responseCoverage";
  public static final String RESPONSE_WARNING_AT = "responseWarningAt";
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String CANDIDATE_GROUP = "candidateGroup";
  public static final String OPEN_CRITICAL_SITUATION = "openCriticalSituation";

  // The engineer's form (RespondToCustomer, WorkCase). Only ACTION stays after the listener has read them.
  public static final String ACTION = "action";
  public static final String PUBLIC_REPLY = "publicReply";
  public static final String INTERNAL_NOTE = "internalNote";
  public static final String NEW_SEVERITY = "newSeverity";
  public static final String RECLASSIFY_REASON = "reclassifyReason";
  public static final String RCA_DOCUMENT = "rcaDocument";
  public static final String CRITICAL_SITUATION_SUMMARY = "criticalSituationSummary";

  // CustomerFollowUp.
  public static final String WAITING_FOR = "waitingFor";
  public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";

  // Local inputs of service tasks (camunda:inputParameter).
  public static final String ALERT = "alert";
  public static final String CLOSED_BY = "closedBy";
  public static final String REMINDER = "reminder";

  private final VariableScope scope;

  private CaseVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static CaseVariables of(VariableScope scope) {
    return new CaseVariables(scope);
  }

  public String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public Integer integer(String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof Integer) {
      return (Integer) value;
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : Integer.valueOf(text);
  }

  public boolean flag(String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean bool ? bool : value != null && Boolean.parseBoolean(value.toString());
  }

  public int severity() {
    return integer(SEVERITY);
  }

  public String submitter() {
    return string(SUBMITTER);
  }

  public String action() {
    return string(ACTION);
  }

  public void set(String name, Object value) {
    scope.setVariable(name, value);
  }

  public void setInstant(String name, Instant value) {
    scope.setVariable(name, value == null ? null : Date.from(value));
  }

  /** Removes form fields once they are in the read model, so that the text is not kept twice. */
  public void remove(String... names) {
    for (String name : names) {
      scope.removeVariable(name);
    }
  }
}
