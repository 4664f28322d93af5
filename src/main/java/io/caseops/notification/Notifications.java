package io.caseops.notification;

import io.caseops.system.Api;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The notification feature's façade: a mail is rendered from its event's template and queued in the
 * outbox, in the transaction of the engine step that decides to send it; staff addresses come from
 * Camunda's users. Everything else of the feature is package-private.
 */
@Api
@Service
public class Notifications {

  private final MailTemplates templates;
  private final Outbox outbox;
  private final StaffAddresses staff;
  private final MailProperties properties;

  Notifications(
      MailTemplates templates, Outbox outbox, StaffAddresses staff, MailProperties properties) {
    this.templates = templates;
    this.outbox = outbox;
    this.staff = staff;
    this.properties = properties;
  }

  /**
   * Renders {@code mail/<event>.mustache} with the model and queues the mail, unless its dedupe key
   * ({@code caseNumber/event/sequence}) is queued already or it has no recipient. Call it inside an
   * engine command; the send job is linked to the process instance, so an incident shows on it.
   */
  public boolean queue(
      String caseNumber,
      String event,
      String sequence,
      List<String> to,
      List<String> cc,
      Map<String, ?> model,
      String processInstanceId) {
    return queueKeyed(
        caseNumber + "/" + event + "/" + sequence,
        caseNumber,
        event,
        to,
        cc,
        model,
        processInstanceId);
  }

  /**
   * The same for a mail about no one case (a report's alert): its dedupe key is {@code
   * topic/event/sequence}.
   */
  public boolean queueAbout(
      String topic,
      String event,
      String sequence,
      List<String> to,
      Map<String, ?> model,
      String processInstanceId) {
    return queueKeyed(
        topic + "/" + event + "/" + sequence, null, event, to, List.of(), model, processInstanceId);
  }

  private boolean queueKeyed(
      String dedupeKey,
      String caseNumber,
      String event,
      List<String> to,
      List<String> cc,
      Map<String, ?> model,
      String processInstanceId) {
    MailTemplates.Rendered rendered = templates.render(event, model);
    return outbox.queue(
        new Mail(
            dedupeKey,
            caseNumber,
            event,
            to,
            cc,
            rendered.subject(),
            rendered.text(),
            rendered.html()),
        processInstanceId);
  }

  /** The addresses of the given users and of every member of the given groups, each once. */
  public List<String> staffAddresses(List<String> users, List<String> groups) {
    return staff.of(users, groups);
  }

  /** A staff member's first name, for the signature of a mail to a customer. */
  public Optional<String> firstName(String userId) {
    return staff.firstName(userId);
  }

  /** Where a staff alert goes when none of its recipients has an address. */
  public String staffFallbackAddress() {
    return properties.staffFallbackAddress();
  }
}
