package io.caseops.cases;

import static io.caseops.system.Markdown.escape;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.cases.CaseRecords.Message;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.PureDecisions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating any user task of a case: a task-local variable {@code briefing} with what the engineer
 * needs, as Markdown for the form's text view: account, plan, severity and why, due instant,
 * status, contacts in CC, the conversation. Everything a customer wrote is escaped, so it shows as
 * text, never as markup.
 *
 * <p>The conversation is bounded: the newest messages up to {@link #CONVERSATION_BUDGET}
 * characters, each message up to {@link #MESSAGE_BUDGET}; what is left out is counted, with the
 * address of the whole conversation. Without a bound, a long case would copy its whole conversation
 * into the history at every task it creates.
 */
@Component("caseBriefing")
class CaseBriefing implements TaskListener {

  static final String BRIEFING = "briefing";
  static final int CONVERSATION_BUDGET = 12_000;
  static final int MESSAGE_BUDGET = 6_000;

  static final String TASK_PRIORITY = "TaskPriority";

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final PureDecisions decisions;

  CaseBriefing(CaseRecords records, EntitlementLookup entitlements, PureDecisions decisions) {
    this.records = records;
    this.entitlements = entitlements;
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    CaseRecord kase = records.get(caseNumber);
    task.setVariableLocal(BRIEFING, briefing(kase, null));
    // Tasklist lists name and priority: the case number tells tasks apart, the priority orders
    // them.
    task.setName(task.getName() + " · " + caseNumber + " (Sev " + kase.severity() + ")");
    task.setPriority(priority(kase));
  }

  /**
   * The TaskPriority decision: the severity's band plus the plan's bump, and the top of the band
   * for a case in an active outage on a plan with prioritized outage management (0 to 99; 100 is
   * kept for breached first responses, ResponseAlert).
   */
  int priority(CaseRecord kase) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("plan", kase.plan());
    inputs.put("severity", kase.severity() == null ? 4 : kase.severity());
    inputs.put(
        "outagePriority",
        kase.accountId() != null
            && records.inActiveOutage(kase.caseNumber())
            && entitlements
                .account(kase.accountId())
                .map(EntitlementLookup.AccountSummary::prioritizedOutageManagement)
                .orElse(false));
    Object sum = decisions.evaluate(TASK_PRIORITY, inputs).getSingleResult().getSingleEntry();
    return ((Number) sum).intValue();
  }

  /** The briefing; messages written after {@code taskCreated} (when not null) are marked new. */
  String briefing(CaseRecord kase, Instant taskCreated) {
    String caseNumber = kase.caseNumber();
    String account =
        kase.accountId() == null
            ? "no account"
            : entitlements
                .account(kase.accountId())
                .map(EntitlementLookup.AccountSummary::name)
                .orElse(kase.accountId());
    StringBuilder out = new StringBuilder();
    out.append("### ")
        .append(kase.caseNumber())
        .append(": ")
        .append(escape(kase.subject()))
        .append("\n\n");
    out.append("**Account:** ")
        .append(escape(account))
        .append(" · **Plan:** ")
        .append(kase.plan())
        .append(" · **Region:** ")
        .append(kase.region())
        .append(" · **Language:** ")
        .append(kase.language())
        .append(" · **Product:** ")
        .append(kase.product())
        .append("\n\n");
    out.append("**Severity ")
        .append(kase.severity())
        .append("**: ")
        .append(escape(kase.severityReason()));
    if (kase.proposedSeverity() != null) {
      out.append(" (the submitter proposed ").append(kase.proposedSeverity()).append(")");
    }
    out.append("\n\n");
    out.append("**First response due:** ")
        .append(
            kase.dueAt() == null
                ? "no target on this plan"
                : CaseMails.UTC.format(kase.dueAt())
                    + " (target "
                    + Durations.humanize(kase.responseTarget())
                    + ")");
    out.append(" · **Status:** ").append(kase.status().label()).append("\n\n");
    List<String> cc = records.cc(caseNumber);
    out.append("**Submitted by:** ")
        .append(escape(kase.submitter()))
        .append(" · **In CC:** ")
        .append(cc.isEmpty() ? "nobody" : escape(String.join(", ", cc)))
        .append("\n\n");
    if (kase.relatedCase() != null) {
      records
          .find(kase.relatedCase())
          .ifPresent(
              earlier ->
                  out.append("**Follows:** ")
                      .append(earlier.caseNumber())
                      .append(" (")
                      .append(earlier.status().label())
                      .append(
                          earlier.closedAt() == null
                              ? ""
                              : " on " + CaseMails.UTC.format(earlier.closedAt()))
                      .append("): ")
                      .append(escape(earlier.subject()))
                      .append(". The whole case is at ")
                      .append(StaffCaseController.PATH)
                      .append('/')
                      .append(earlier.caseNumber())
                      .append("\n\n"));
    }
    out.append("---\n\n**Conversation**\n\n");
    List<Message> messages = records.messages(caseNumber);
    Deque<String> shown = new ArrayDeque<>();
    int length = 0;
    for (int i = messages.size() - 1; i >= 0; i--) {
      String rendered = render(messages.get(i), taskCreated);
      if (!shown.isEmpty() && length + rendered.length() > CONVERSATION_BUDGET) {
        out.append("*")
            .append(i + 1)
            .append(i == 0 ? " earlier message is" : " earlier messages are")
            .append(" not shown here: the whole conversation is at ")
            .append(StaffCaseController.PATH)
            .append('/')
            .append(caseNumber)
            .append("*\n\n");
        break;
      }
      shown.addFirst(rendered);
      length += rendered.length();
    }
    shown.forEach(out::append);
    return out.toString();
  }

  private static String render(Message message, Instant taskCreated) {
    StringBuilder out = new StringBuilder();
    out.append("**")
        .append(escape(message.author()))
        .append("**")
        .append(message.isPublic() ? "" : " (internal note)")
        .append(" · ")
        .append(CaseMails.UTC.format(message.writtenAt()));
    if (taskCreated != null && message.writtenAt().isAfter(taskCreated)) {
      out.append(" · **new since this task opened**");
    }
    out.append("\n\n");
    String body = message.body();
    if (body.length() > MESSAGE_BUDGET) {
      body =
          body.substring(0, MESSAGE_BUDGET)
              + "\n["
              + (body.length() - MESSAGE_BUDGET)
              + " more characters in the whole conversation]";
    }
    for (String line : body.split("\n")) {
      out.append("> ").append(escape(line)).append("\n");
    }
    return out.append("\n").toString();
  }

  /** Escapes HTML and Markdown, so that text stays text in the form's Markdown view. */
}
