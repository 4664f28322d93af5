package io.caseops.cases;

import static io.caseops.cases.CaseVariables.*;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.system.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Completing {@code Task_RespondToCustomer}, {@code Task_RespondWithoutTarget} or {@code Task_WorkCase}: checks the
 * engineer's form again (the form checks it first), writes the reply and note to the conversation, mails the reply,
 * records the first response against the SLA, and sets the status the chosen action leads to. The form's text
 * fields are then removed from the process: the read model keeps them.
 */
@Component("engineerAction")
class EngineerAction implements TaskListener {

  static final String REQUEST_INFORMATION = "request-information";
  static final String PROVIDE_RESOLUTION = "provide-resolution";
  static final String KEEP_WORKING = "keep-working";
  static final String RECLASSIFY = "reclassify";
  static final String CLOSE = "close";
  static final Set<String> ACTIONS = Set.of(REQUEST_INFORMATION, PROVIDE_RESOLUTION, KEEP_WORKING, RECLASSIFY, CLOSE);
  static final Set<String> FIRST_RESPONSE_TASKS = Set.of("Task_RespondToCustomer", "Task_RespondWithoutTarget");
  static final int MAX_TEXT = 20_000;

  private final CaseRecords records;
  private final CaseMails mails;
  private final IdentityService identity;
  private final EngineClock clock;

  EngineerAction(CaseRecords records, CaseMails mails, IdentityService identity, EngineClock clock) {
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
    boolean firstResponse = FIRST_RESPONSE_TASKS.contains(task.getTaskDefinitionKey());
    String action = variables.action();
    String reply = text(variables.string(PUBLIC_REPLY));
    String note = text(variables.string(INTERNAL_NOTE));
    Integer newSeverity = variables.integer(NEW_SEVERITY);
    String reason = text(variables.string(RECLASSIFY_REASON));
    check(action, reply, note, newSeverity, reason, kase, firstResponse);

    String engineer = engineer(task);
    Instant now = clock.instant();
    if (note != null) {
      records.addMessage(caseNumber, engineer, "staff", "internal", note, now);
    }
    if (RECLASSIFY.equals(action)) {
      records.reclassified(caseNumber, kase.severity(), newSeverity, reason, engineer, now);
      variables.set(SEVERITY, newSeverity);
    }
    if (reply != null) {
      long id = records.addMessage(caseNumber, engineer, "staff", "public", reply, now);
      String event = switch (action) {
        case REQUEST_INFORMATION -> "information-requested";
        case PROVIDE_RESOLUTION -> "resolution-provided";
        default -> "engineer-reply";
      };
      mails.engineerMessage(records.get(caseNumber), event, id, engineerName(engineer), reply,
          task.getProcessInstanceId());
    }
    if (firstResponse && !RECLASSIFY.equals(action) && kase.responseTarget() != null) {
      records.recordFirstResponse(caseNumber, kase.responseTarget(), variables.string(RESPONSE_CLOCK),
          variables.string(RESPONSE_COVERAGE), kase.dueAt(), now, engineer);
    }
    switch (action) {
      case REQUEST_INFORMATION -> records.status(caseNumber, CaseStatus.AWAITING_CUSTOMER, now);
      case PROVIDE_RESOLUTION -> records.status(caseNumber, CaseStatus.RESOLUTION_PROVIDED, now);
      case KEEP_WORKING -> records.status(caseNumber, CaseStatus.IN_PROGRESS, now);
      case RECLASSIFY -> {
        if (!firstResponse) {
          records.status(caseNumber, CaseStatus.IN_PROGRESS, now);
        }
      }
      default -> {
        // close: Task_CloseCase sets the status and sends the closure mail
      }
    }
    variables.remove(PUBLIC_REPLY, INTERNAL_NOTE, NEW_SEVERITY, RECLASSIFY_REASON);
  }

  private static void check(String action, String reply, String note, Integer newSeverity, String reason,
                            CaseRecord kase, boolean firstResponse) {
    List<String> problems = new ArrayList<>();
    if (action == null || !ACTIONS.contains(action)) {
      problems.add("action must be one of " + ACTIONS + ", got '" + action + "'");
    } else {
      boolean needsReply = Set.of(REQUEST_INFORMATION, PROVIDE_RESOLUTION).contains(action)
          || firstResponse && KEEP_WORKING.equals(action);
      if (needsReply && reply == null) {
        problems.add("publicReply is required to " + action.replace('-', ' ')
            + (firstResponse ? " (it is the case's first response)" : ""));
      }
      if (KEEP_WORKING.equals(action) && !firstResponse && reply == null && note == null) {
        problems.add("publicReply or internalNote is required to keep working");
      }
      if (RECLASSIFY.equals(action)) {
        if (newSeverity == null || newSeverity < 1 || newSeverity > 4) {
          problems.add("newSeverity must be 1, 2, 3 or 4");
        } else if (newSeverity.equals(kase.severity())) {
          problems.add("newSeverity must differ from the current severity " + kase.severity());
        }
        if (reason == null) {
          problems.add("reclassifyReason is required: say why the severity changes");
        }
      }
    }
    for (String field : new String[] {reply, note, reason}) {
      if (field != null && field.length() > MAX_TEXT) {
        problems.add("a text field is longer than " + MAX_TEXT + " characters");
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
  }

  private String engineer(DelegateTask task) {
    var authentication = identity.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "support";
  }

  private String engineerName(String userId) {
    // The engineer may not read users; the name in the mail is no secret.
    var user = Context.getCommandContext().runWithoutAuthorization(() ->
        identity.createUserQuery().userId(userId).singleResult());
    return user == null || user.getFirstName() == null ? "Your support engineer" : user.getFirstName();
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
