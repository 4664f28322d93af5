package io.caseops.cases;

import io.caseops.sla.ClockKind;
import io.caseops.sla.Coverage;
import io.caseops.sla.ResponseTargets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of a support case: every name in one place, each with a typed accessor
 * (Camunda's "process data accessor"). The case's text, messages and history live in the read model
 * (CaseRecords), not here: variables are only what the models' gateways, timers and decisions read.
 */
final class CaseVariables {

  // Set by CaseService when the case is submitted.
  public static final String SUBMITTER = "submitter";
  public static final String PRODUCT = "product";
  public static final String REQUESTED_REGION = "requestedRegion";
  public static final String REQUESTED_LANGUAGE = "requestedLanguage";

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

  /**
   * Camunda user id of the account's designated escalation manager, where the plan designates one.
   */
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

  /** FollowTheSun: when the team holding a round-the-clock case hands it on (null: never). */
  public static final String HAND_OFF_AT = "handOffAt";

  public static final String OPEN_CRITICAL_SITUATION = "openCriticalSituation";

  // The engineer's form (RespondToCustomer, WorkCase). Only ACTION stays after the listener has
  // read them.
  public static final String ACTION = "action";
  public static final String PUBLIC_REPLY = "publicReply";
  public static final String INTERNAL_NOTE = "internalNote";
  public static final String NEW_SEVERITY = "newSeverity";
  public static final String RECLASSIFY_REASON = "reclassifyReason";
  public static final String RCA_DOCUMENT = "rcaDocument";
  // The RootCauseAnalysis process: deliver or decline, and why.
  public static final String RCA_OUTCOME = "rcaOutcome";
  public static final String RCA_DECLINE_REASON = "rcaDeclineReason";
  public static final String CRITICAL_SITUATION_SUMMARY = "criticalSituationSummary";

  /** Transient: the engineer whose completion Task_RecordFirstResponse records; never stored. */
  public static final String RESPONDED_BY = "respondedBy";

  // CustomerFollowUp.
  public static final String WAITING_FOR = "waitingFor";
  public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";

  // Escalation. CASE_NUMBER and ESCALATION_REASON are its start form's fields (Tasklist).
  public static final String CASE_NUMBER = "caseNumber";
  public static final String ESCALATION_REASON = "escalationReason";

  /** Staff user id or contact e-mail of whoever escalated, and which of the two (AuthorKind). */
  public static final String REQUESTED_BY = "requestedBy";

  public static final String REQUESTED_BY_KIND = "requestedByKind";
  public static final String REQUESTED_AT = "requestedAt";

  /** The EscalationAcknowledgement decision's input: "designated" (Ultimate) or "pooled". */
  public static final String ESCALATION = "escalation";

  public static final String ACKNOWLEDGE_WITHIN = "acknowledgeWithin";
  public static final String ACKNOWLEDGE_BY = "acknowledgeBy";
  public static final String ACKNOWLEDGEMENT = "acknowledgement";
  public static final String ACKNOWLEDGED_BY = "acknowledgedBy";

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

  // --- typed reads: each variable is named and converted here, once ---

  public String submitter() {
    return text(SUBMITTER);
  }

  public String product() {
    return text(PRODUCT);
  }

  public String requestedRegion() {
    return text(REQUESTED_REGION);
  }

  public String requestedLanguage() {
    return text(REQUESTED_LANGUAGE);
  }

  public String accountId() {
    return text(ACCOUNT_ID);
  }

  public String catalogue() {
    return text(CATALOGUE);
  }

  public String region() {
    return text(REGION);
  }

  public String language() {
    return text(LANGUAGE);
  }

  public String regionTeam() {
    return text(REGION_TEAM);
  }

  public String plan() {
    return text(PLAN);
  }

  public boolean priorityQueue() {
    return Boolean.TRUE.equals(scope.getVariable(PRIORITY_QUEUE));
  }

  /** The question the ResponseTarget decision answers for this case at a given severity. */
  public ResponseTargets.Question targetQuestion(int severity) {
    return new ResponseTargets.Question(
        catalogue(),
        plan(),
        severity,
        product(),
        LocalDate.parse(text(LICENCE_START)),
        priorityQueue(),
        language());
  }

  /** When the case's round-the-clock holder hands it on (the FollowTheSun process's timer). */
  public Instant handOffAt() {
    return instant(HAND_OFF_AT);
  }

  public String refusal() {
    return text(REFUSAL);
  }

  public int severity() {
    return number(SEVERITY);
  }

  /** The target as ISO-8601, or null when the plan has none for the severity. */
  public String responseTarget() {
    return text(RESPONSE_TARGET);
  }

  public ClockKind responseClock() {
    return ClockKind.of(text(RESPONSE_CLOCK));
  }

  public Coverage responseCoverage() {
    return Coverage.of(text(RESPONSE_COVERAGE));
  }

  /** The engineer's choice; a value the form does not offer is refused as the engineer's error. */
  public NextStep nextStep() {
    return formValue(NextStep.class, ACTION);
  }

  /** What the case waits for in CustomerFollowUp: the engineer's choice that started it. */
  public NextStep waitingFor() {
    return ModelValue.of(NextStep.class, text(WAITING_FOR));
  }

  public String publicReply() {
    return formText(PUBLIC_REPLY);
  }

  public String internalNote() {
    return formText(INTERNAL_NOTE);
  }

  /** The form's select gives "1" to "4"; null when not chosen. */
  public Integer newSeverity() {
    Object value = scope.getVariable(NEW_SEVERITY);
    if (value == null || value instanceof Number) {
      return value == null ? null : ((Number) value).intValue();
    }
    try {
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new BadUserRequestException("newSeverity must be 1, 2, 3 or 4, got '" + value + "'");
    }
  }

  public String reclassifyReason() {
    return formText(RECLASSIFY_REASON);
  }

  /** Deliver unless the engineer chose to decline (a caller of the API may leave it out). */
  public RcaOutcome rcaOutcome() {
    return text(RCA_OUTCOME) == null
        ? RcaOutcome.DELIVER
        : formValue(RcaOutcome.class, RCA_OUTCOME);
  }

  /** Required when the RCA is declined: it goes to the contacts. */
  public String rcaDeclineReason() {
    return requiredText(
        RCA_DECLINE_REASON, "tell the contacts why no root-cause analysis is written");
  }

  /** Required when the RCA is delivered. */
  public String rcaDocument() {
    return requiredText(RCA_DOCUMENT, "write the root-cause analysis");
  }

  public String criticalSituationSummary() {
    return requiredText(CRITICAL_SITUATION_SUMMARY, "say how the situation was handled");
  }

  public String respondedBy() {
    return text(RESPONDED_BY);
  }

  public Alert alert() {
    return ModelValue.of(Alert.class, text(ALERT));
  }

  public ClosedBy closedBy() {
    return ModelValue.of(ClosedBy.class, text(CLOSED_BY));
  }

  public String designatedEscalationManager() {
    return text(DESIGNATED_ESCALATION_MANAGER);
  }

  public String escalationReason() {
    return formText(ESCALATION_REASON);
  }

  public String requestedBy() {
    return text(REQUESTED_BY);
  }

  public AuthorKind requestedByKind() {
    return ModelValue.of(AuthorKind.class, text(REQUESTED_BY_KIND));
  }

  public String caseNumber() {
    return formText(CASE_NUMBER);
  }

  public String acknowledgeWithin() {
    return text(ACKNOWLEDGE_WITHIN);
  }

  public Instant acknowledgeBy() {
    return instant(ACKNOWLEDGE_BY);
  }

  /** Required: the escalation manager's answer to the contacts. */
  public String acknowledgement() {
    return requiredText(ACKNOWLEDGEMENT, "tell the contacts who owns the escalation");
  }

  public String acknowledgedBy() {
    return text(ACKNOWLEDGED_BY);
  }

  /** The day a reminder is sent on: 1, 3 or 5. */
  public int reminder() {
    return number(REMINDER);
  }

  // --- writes ---

  public void setSeverity(int severity) {
    scope.setVariable(SEVERITY, severity);
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

  private String text(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  private Instant instant(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : ((Date) value).toInstant();
  }

  private int number(String name) {
    Object value = scope.getVariable(name);
    return value instanceof Number number
        ? number.intValue()
        : Integer.parseInt(value.toString().strip());
  }

  /**
   * A text field the step cannot do without, within {@link TextLimits#TEXT}: the engineer's error.
   */
  private String requiredText(String name, String why) {
    String text = formText(name);
    if (text == null) {
      throw new BadUserRequestException(name + " is required: " + why);
    }
    if (text.length() > TextLimits.TEXT) {
      throw new BadUserRequestException(
          name + " must be at most " + TextLimits.TEXT + " characters");
    }
    return text;
  }

  /** A text field of a form: stripped, and null when blank. */
  private String formText(String name) {
    String value = text(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private <E extends Enum<E> & ModelValue> E formValue(Class<E> type, String name) {
    try {
      return ModelValue.of(type, text(name));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(
          name + " must be one of " + ModelValue.values(type) + ", got '" + text(name) + "'");
    }
  }
}
