package io.caseops.cases;

import io.caseops.system.StaffGroups;
import io.caseops.system.web.BadRequestException;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation on request: a contact (API) or an engineer (staff API; Tasklist starts the same
 * process with its start form) escalates an open case with a reason. Every rule is checked where
 * both paths meet, in {@link EscalationIntake}; this class starts the process and answers with its
 * target.
 */
@Service
class CaseEscalations {

  static final String PROCESS = "Escalation";

  /**
   * @param handledBy the designated escalation manager's user id, or the pooled group
   * @param acknowledgeWithin the EscalationAcknowledgement decision's answer (ISO 8601)
   */
  public record Escalation(
      String caseNumber,
      String requestedBy,
      Instant requestedAt,
      String handledBy,
      String acknowledgeWithin,
      Instant acknowledgeBy) {}

  private final RuntimeService runtime;

  CaseEscalations(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Transactional
  public Escalation request(String caseNumber, String actor, AuthorKind kind, String reason) {
    if (reason == null || reason.isBlank()) {
      throw BadRequestException.of("reason", "is required: say why the case needs a manager");
    }
    if (reason.strip().length() > TextLimits.REASON) {
      throw BadRequestException.of(
          "reason", "must be at most " + TextLimits.REASON + " characters");
    }
    VariableMap started =
        runtime
            .createProcessInstanceByKey(PROCESS)
            .businessKey(caseNumber)
            .setVariable(CaseVariables.CASE_NUMBER, caseNumber)
            .setVariable(CaseVariables.ESCALATION_REASON, reason.strip())
            .setVariable(CaseVariables.REQUESTED_BY, actor)
            .setVariable(CaseVariables.REQUESTED_BY_KIND, kind.value())
            .executeWithVariablesInReturn()
            .getVariables();
    String manager = (String) started.get(CaseVariables.DESIGNATED_ESCALATION_MANAGER);
    return new Escalation(
        caseNumber,
        actor,
        ((Date) started.get(CaseVariables.REQUESTED_AT)).toInstant(),
        manager != null ? manager : StaffGroups.ESCALATION_MANAGERS,
        (String) started.get(CaseVariables.ACKNOWLEDGE_WITHIN),
        ((Date) started.get(CaseVariables.ACKNOWLEDGE_BY)).toInstant());
  }
}
