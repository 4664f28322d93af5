package io.caseops.cases;

import static io.caseops.cases.CaseVariables.INTERNAL_NOTE;
import static io.caseops.cases.CaseVariables.NEW_SEVERITY;
import static io.caseops.cases.CaseVariables.PUBLIC_REPLY;
import static io.caseops.cases.CaseVariables.RECLASSIFY_REASON;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.system.EngineClock;
import io.caseops.system.EngineInternals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Completing {@code Task_RespondToCustomer}, {@code Task_RespondWithoutTarget} or {@code
 * Task_WorkCase}: reads the engineer's form once ({@link EngineerForm}, checked again after the
 * form's own checks), then writes the note, the reclassification and the reply, and sets the status
 * the choice leads to. The form's text fields then leave the process: the read model keeps them.
 * The first response is recorded by the next step of the model, {@code Task_RecordFirstResponse}
 * ({@link FirstResponseRecord}).
 */
@Component("engineerAction")
class EngineerAction implements TaskListener {

  /** What the engineer filled in, read and checked once. */
  record EngineerForm(
      NextStep nextStep, String reply, String note, Integer newSeverity, String reason) {

    static EngineerForm read(CaseVariables variables, CaseRecord kase, boolean firstResponse) {
      EngineerForm form =
          new EngineerForm(
              variables.nextStep(),
              variables.publicReply(),
              variables.internalNote(),
              variables.newSeverity(),
              variables.reclassifyReason());
      List<String> problems = form.problems(kase.severity(), firstResponse);
      if (!problems.isEmpty()) {
        throw new BadUserRequestException(String.join("; ", problems));
      }
      return form;
    }

    List<String> problems(Integer severity, boolean firstResponse) {
      List<String> problems = new ArrayList<>();
      // Only a public reply is a response: a first response that closes the case says why.
      boolean needsReply =
          nextStep.waitsForCustomer()
              || firstResponse && (nextStep == NextStep.KEEP_WORKING || nextStep == NextStep.CLOSE);
      if (needsReply && reply == null) {
        problems.add(
            "publicReply is required to "
                + nextStep.value().replace('-', ' ')
                + (firstResponse ? " (it is the case's first response)" : ""));
      }
      if (nextStep == NextStep.KEEP_WORKING && !firstResponse && reply == null && note == null) {
        problems.add("publicReply or internalNote is required to keep working");
      }
      if (nextStep == NextStep.RECLASSIFY) {
        if (newSeverity == null || newSeverity < 1 || newSeverity > 4) {
          problems.add("newSeverity must be 1, 2, 3 or 4");
        } else if (newSeverity.equals(severity)) {
          problems.add("newSeverity must differ from the current severity " + severity);
        }
        if (reason == null) {
          problems.add("reclassifyReason is required: say why the severity changes");
        }
      }
      tooLong(problems, "publicReply", reply, TextLimits.TEXT);
      tooLong(problems, "internalNote", note, TextLimits.TEXT);
      tooLong(problems, "reclassifyReason", reason, TextLimits.REASON);
      return problems;
    }

    private static void tooLong(List<String> problems, String field, String text, int limit) {
      if (text != null && text.length() > limit) {
        problems.add(field + " must be at most " + limit + " characters");
      }
    }
  }

  private final CaseRecords records;
  private final CaseMails mails;
  private final IdentityService identity;
  private final EngineClock clock;

  EngineerAction(
      CaseRecords records, CaseMails mails, IdentityService identity, EngineClock clock) {
    this.records = records;
    this.mails = mails;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseVariables variables = CaseVariables.of(task.getExecution());
    String caseNumber = task.getExecution().getProcessBusinessKey();
    CaseRecord kase = records.lock(caseNumber).orElseThrow();
    boolean firstResponse = FirstResponseRecord.isFirstResponse(task);
    EngineerForm form = EngineerForm.read(variables, kase, firstResponse);
    String engineer = engineer(task);
    Instant now = clock.instant();

    if (form.note() != null) {
      records.addMessage(
          caseNumber, engineer, AuthorKind.STAFF, MessageVisibility.INTERNAL, form.note(), now);
    }
    if (form.nextStep() == NextStep.RECLASSIFY) {
      records.reclassified(
          caseNumber, kase.severity(), form.newSeverity(), form.reason(), engineer, now);
      variables.setSeverity(form.newSeverity());
      // The contacts are told of every reclassification, with its reason.
      mails.severityChanged(
          records.get(caseNumber),
          kase.severity(),
          form.reason(),
          now,
          task.getProcessInstanceId());
    }
    if (form.reply() != null) {
      long id =
          records.addMessage(
              caseNumber, engineer, AuthorKind.STAFF, MessageVisibility.PUBLIC, form.reply(), now);
      mails.engineerMessage(
          records.get(caseNumber),
          form.nextStep(),
          id,
          engineer,
          form.reply(),
          task.getProcessInstanceId());
    }
    CaseStatus status =
        switch (form.nextStep()) {
          case REQUEST_INFORMATION -> CaseStatus.AWAITING_CUSTOMER;
          case PROVIDE_RESOLUTION -> CaseStatus.RESOLUTION_PROVIDED;
          case KEEP_WORKING -> CaseStatus.IN_PROGRESS;
          case RECLASSIFY -> firstResponse ? null : CaseStatus.IN_PROGRESS;
          case CLOSE -> null; // Task_CloseCase sets the status and sends the closure mail
        };
    if (status != null) {
      records.status(caseNumber, status, now);
    }
    // For Task_RecordFirstResponse, in this transaction only (transient: never stored).
    task.getExecution()
        .setVariable(CaseVariables.RESPONDED_BY, Variables.stringValue(engineer, true));
    variables.remove(PUBLIC_REPLY, INTERNAL_NOTE, NEW_SEVERITY, RECLASSIFY_REASON);
  }

  private String engineer(DelegateTask task) {
    return EngineInternals.currentUserId(identity)
        .orElse(task.getAssignee() != null ? task.getAssignee() : "support");
  }
}
