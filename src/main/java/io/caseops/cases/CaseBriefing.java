package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.cases.CaseRecords.Message;
import io.caseops.entitlement.EntitlementLookup;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating any user task of a case: a task-local variable {@code briefing} with what the engineer needs, as Markdown
 * for the form's text view: account, plan, severity and why, due instant, status, contacts in CC, the conversation.
 * Everything a customer wrote is escaped, so it shows as text, never as markup.
 */
@Component("caseBriefing")
class CaseBriefing implements TaskListener {

  static final String BRIEFING = "briefing";

  private final CaseRecords records;
  private final EntitlementLookup entitlements;

  CaseBriefing(CaseRecords records, EntitlementLookup entitlements) {
    this.records = records;
    this.entitlements = entitlements;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    CaseRecord kase = records.get(caseNumber);
    task.setVariableLocal(BRIEFING, briefing(kase));
    // Tasklist lists name and priority: the case number tells tasks apart, the severity orders them.
    task.setName(task.getName() + " · " + caseNumber + " (Sev " + kase.severity() + ")");
    task.setPriority(PRIORITY_BY_SEVERITY[kase.severity() == null ? 4 : kase.severity()]);
  }

  /** Task priority by severity (index 1 to 4); 100 is kept for breached first responses (ResponseAlert). */
  static final int[] PRIORITY_BY_SEVERITY = {0, 90, 70, 50, 30};

  String briefing(CaseRecord kase) {
    String caseNumber = kase.caseNumber();
    String account = kase.accountId() == null ? "no account"
        : entitlements.account(kase.accountId()).map(EntitlementLookup.AccountSummary::name).orElse(kase.accountId());
    StringBuilder out = new StringBuilder();
    out.append("### ").append(kase.caseNumber()).append(": ").append(escape(kase.subject())).append("\n\n");
    out.append("**Account:** ").append(escape(account)).append(" · **Plan:** ").append(kase.plan())
        .append(" · **Region:** ").append(kase.region()).append(" · **Language:** ").append(kase.language())
        .append(" · **Product:** ").append(kase.product()).append("\n\n");
    out.append("**Severity ").append(kase.severity()).append("**: ").append(escape(kase.severityReason()));
    if (kase.proposedSeverity() != null) {
      out.append(" (the submitter proposed ").append(kase.proposedSeverity()).append(")");
    }
    out.append("\n\n");
    out.append("**First response due:** ").append(kase.dueAt() == null ? "no target on this plan"
        : CaseMails.UTC.format(kase.dueAt()) + " (target " + Durations.humanize(kase.responseTarget()) + ")");
    out.append(" · **Status:** ").append(kase.status().label()).append("\n\n");
    List<String> cc = records.cc(caseNumber);
    out.append("**Submitted by:** ").append(escape(kase.submitter())).append(" · **In CC:** ")
        .append(cc.isEmpty() ? "nobody" : escape(String.join(", ", cc))).append("\n\n");
    out.append("---\n\n**Conversation**\n\n");
    for (Message message : records.messages(caseNumber)) {
      out.append("**").append(escape(message.author())).append("**")
          .append(message.isPublic() ? "" : " (internal note)").append(" · ")
          .append(CaseMails.UTC.format(message.writtenAt())).append("\n\n");
      for (String line : message.body().split("\n")) {
        out.append("> ").append(escape(line)).append("\n");
      }
      out.append("\n");
    }
    return out.toString();
  }

  /** Escapes HTML and Markdown, so that text stays text in the form's Markdown view. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '!', '|', '~' ->
            out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
