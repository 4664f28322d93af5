package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.NamedContacts;
import io.caseops.notification.Notifications;
import io.caseops.sla.ClockKind;
import io.caseops.sla.Coverage;
import io.caseops.system.StaffGroups;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every mail of a case: picks the recipients (the submitter and the CC contacts for customer-facing
 * mails, as long as they are named contacts; teams, escalation managers and the TAM for staff
 * alerts), fills the event's template and queues it in the outbox. A staff alert with no
 * addressable recipient goes to the fallback address, is logged and is counted ({@code
 * caseops.mail.unaddressed}), so it never vanishes.
 */
@Component
class CaseMails {

  static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
  static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final CaseRecords records;
  private final Notifications notifications;
  private final NamedContacts contacts;
  private final MeterRegistry meters;
  private final CaseModels models;

  CaseMails(
      CaseRecords records,
      Notifications notifications,
      NamedContacts contacts,
      MeterRegistry meters,
      CaseModels models) {
    this.records = records;
    this.notifications = notifications;
    this.contacts = contacts;
    this.meters = meters;
    this.models = models;
  }

  private static final Logger LOG = LoggerFactory.getLogger(CaseMails.class);

  void received(CaseRecord kase, ClockKind clock, String processInstanceId) {
    Map<String, Object> model = customerModel(kase);
    model.put("hasTarget", kase.responseTarget() != null);
    model.put("target", Durations.humanize(kase.responseTarget()));
    model.put("clockText", clockText(clock));
    model.put("dueLocal", local(kase.dueAt(), zoneOf(kase.submitter())));
    toCustomer(kase, "case-received", "1", model, processInstanceId);
  }

  void rejected(CaseRecord kase, String reason, String processInstanceId) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseSubject", kase.subject());
    model.put("product", kase.product());
    model.put("reason", reason);
    // A rejected submitter may be no named contact: no CC, just the address the case came from.
    queue(
        kase.caseNumber(),
        "case-rejected",
        "1",
        List.of(kase.submitter()),
        List.of(),
        model,
        processInstanceId);
  }

  /**
   * The engineer's public reply, as a plain reply or as a request for information or a proposed
   * resolution.
   */
  void engineerMessage(
      CaseRecord kase,
      NextStep nextStep,
      long messageId,
      String engineer,
      String body,
      String processInstanceId) {
    Map<String, Object> model = customerModel(kase);
    // The engineer may not read other users; the first name in the mail is no secret.
    model.put("engineer", notifications.firstName(engineer).orElse("Your support engineer"));
    model.put("body", body);
    String event =
        switch (nextStep) {
          case REQUEST_INFORMATION -> "information-requested";
          case PROVIDE_RESOLUTION -> "resolution-provided";
          default -> "engineer-reply";
        };
    toCustomer(kase, event, Long.toString(messageId), model, processInstanceId);
  }

  void reminder(
      CaseRecord kase,
      int number,
      boolean waitingForInformation,
      Instant closesAt,
      String processInstanceId) {
    ZoneId zone = zoneOf(kase.submitter());
    Map<String, Object> model = customerModel(kase);
    model.put("reminderNumber", number);
    model.put("waitingForInformation", waitingForInformation);
    model.put("sinceLocal", local(kase.statusSince(), zone));
    model.put("closesLocal", local(closesAt, zone));
    toCustomer(
        kase,
        "reminder",
        kase.statusSince().toEpochMilli() + "/" + number,
        model,
        processInstanceId);
  }

  void closed(CaseRecord kase, ClosedBy closedBy, Instant reopenUntil, String processInstanceId) {
    Map<String, Object> model = customerModel(kase);
    model.put("closedForNoAnswer", closedBy == ClosedBy.NO_ANSWER);
    model.put("closedByConfirmation", closedBy == ClosedBy.CONFIRMATION);
    model.put("reopenUntilLocal", local(reopenUntil, zoneOf(kase.submitter())));
    toCustomer(
        kase,
        "case-closed",
        Long.toString(kase.closedAt().toEpochMilli()),
        model,
        processInstanceId);
  }

  void reopened(CaseRecord kase, String processInstanceId) {
    toCustomer(
        kase,
        "case-reopened",
        Long.toString(kase.statusSince().toEpochMilli()),
        customerModel(kase),
        processInstanceId);
  }

  void rcaDelivered(CaseRecord kase, String document, String processInstanceId) {
    Map<String, Object> model = customerModel(kase);
    model.put("body", document);
    toCustomer(kase, "rca-delivered", "1", model, processInstanceId);
  }

  /** The case's severity changed: from, to and why, to the contacts. */
  void severityChanged(
      CaseRecord kase, int from, String reason, Instant at, String processInstanceId) {
    Map<String, Object> model = customerModel(kase);
    model.put("fromSeverity", from);
    model.put("reason", reason);
    toCustomer(
        kase,
        "severity-changed",
        from + "-" + kase.severity() + "/" + at.toEpochMilli(),
        model,
        processInstanceId);
  }

  /**
   * A case whose target runs around the clock (24x7) or on weekdays around the clock (24x5): the
   * team that holds it is told at intake, whatever the hour.
   */
  void roundTheClock(
      CaseRecord kase, Coverage coverage, String accountName, String processInstanceId) {
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("coverage", coverage.value());
    model.put("target", Durations.humanize(kase.responseTarget()));
    model.put("dueUtc", UTC.format(kase.dueAt()));
    toStaff(
        kase,
        "round-the-clock-case",
        Long.toString(kase.dueAt().toEpochMilli()),
        team(kase),
        model,
        processInstanceId);
  }

  /**
   * An escalation was requested: to the designated escalation manager, else the pooled escalation
   * managers, with the target to acknowledge it.
   */
  void escalationRequested(
      CaseRecord kase,
      String accountName,
      String requestedBy,
      String reason,
      Instant acknowledgeBy,
      String designatedManager,
      String processInstanceId) {
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("requestedBy", requestedBy);
    model.put("reason", reason);
    model.put("acknowledgeByUtc", UTC.format(acknowledgeBy));
    model.put("status", kase.status().label());
    toStaff(
        kase,
        "escalation-requested",
        processInstanceId,
        escalationManagers(designatedManager),
        model,
        processInstanceId);
  }

  /** Nobody acknowledged an escalation in time: the support managers are told. */
  void escalationOverdue(
      CaseRecord kase,
      String accountName,
      String reason,
      Instant acknowledgeBy,
      String designatedManager,
      String processInstanceId) {
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("reason", reason);
    model.put("acknowledgeByUtc", UTC.format(acknowledgeBy));
    model.put("escalatedTo", escalatedTo(designatedManager));
    toStaff(
        kase,
        "escalation-overdue",
        processInstanceId,
        notifications.staffAddresses(List.of(), List.of(StaffGroups.SUPPORT_MANAGERS)),
        model,
        processInstanceId);
  }

  /** The escalation manager's answer, to the contacts. */
  void escalationAcknowledged(
      CaseRecord kase, String manager, String answer, String processInstanceId) {
    Map<String, Object> model = customerModel(kase);
    model.put("manager", notifications.firstName(manager).orElse("Your escalation manager"));
    model.put("body", answer);
    toCustomer(kase, "escalation-acknowledged", processInstanceId, model, processInstanceId);
  }

  /** An outage the case is linked to: the link, or a public update; to the case's contacts. */
  void outage(CaseRecord kase, String title, String text, String sequence) {
    Map<String, Object> model = customerModel(kase);
    model.put("title", title);
    model.put("body", text);
    toCustomer(kase, "outage-update", sequence, model, null);
  }

  /**
   * An Ultimate account's case joined an outage: its TAM is told (prioritized outage management).
   */
  void prioritizedOutage(
      CaseRecord kase,
      String accountName,
      long outageId,
      String title,
      String technicalAccountManager) {
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("title", title);
    toStaff(
        kase,
        "outage-prioritized",
        Long.toString(outageId),
        notifications.staffAddresses(
            technicalAccountManager == null ? List.of() : List.of(technicalAccountManager),
            List.of(kase.candidateGroup())),
        model,
        null);
  }

  private static String escalatedTo(String designatedManager) {
    return designatedManager != null
        ? designatedManager + " (designated escalation manager)"
        : "the escalation managers";
  }

  private List<String> escalationManagers(String designatedManager) {
    return designatedManager != null
        ? notifications.staffAddresses(List.of(designatedManager), List.of())
        : notifications.staffAddresses(List.of(), List.of(StaffGroups.ESCALATION_MANAGERS));
  }

  /**
   * A round-the-clock case moved to the team at work now (follow the sun): that team is told, since
   * the case is theirs from this minute.
   */
  void handedOff(
      CaseRecord kase,
      String fromTeam,
      Coverage coverage,
      String accountName,
      Instant at,
      String processInstanceId) {
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("fromTeam", fromTeam);
    model.put("coverage", coverage.value());
    model.put("dueUtc", kase.dueAt() == null ? "" : UTC.format(kase.dueAt()));
    model.put("status", kase.status().label());
    toStaff(
        kase, "handed-off", Long.toString(at.toEpochMilli()), team(kase), model, processInstanceId);
  }

  /**
   * A case was raised to severity 1 after its first response: the team that now holds it is told.
   */
  void raisedToSev1(CaseRecord kase, String accountName, String processInstanceId) {
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("reason", kase.severityReason());
    toStaff(
        kase,
        "raised-to-sev1",
        Long.toString(kase.statusSince().toEpochMilli()),
        team(kase),
        model,
        processInstanceId);
  }

  void rcaDeclined(CaseRecord kase, String reason, String processInstanceId) {
    Map<String, Object> model = customerModel(kase);
    model.put("body", reason);
    toCustomer(kase, "rca-declined", "1", model, processInstanceId);
  }

  /**
   * The SLA warning (team and escalation manager) or breach (escalation, and the TAM where the
   * account has one).
   */
  void slaAlert(
      CaseRecord kase,
      Alert alert,
      ClockKind clock,
      String accountName,
      String designatedManager,
      String technicalAccountManager,
      String processInstanceId) {
    boolean breach = alert == Alert.BREACH;
    List<String> users = new ArrayList<>();
    users.add(designatedManager);
    if (breach) {
      users.add(technicalAccountManager);
    }
    List<String> groups = new ArrayList<>();
    groups.add(kase.candidateGroup());
    if (designatedManager == null) {
      groups.add(StaffGroups.ESCALATION_MANAGERS);
    }
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("target", Durations.humanize(kase.responseTarget()));
    model.put("clockText", clockText(clock));
    model.put("dueUtc", UTC.format(kase.dueAt()));
    model.put("escalatedTo", escalatedTo(designatedManager));
    toStaff(
        kase,
        breach ? "sla-breach" : "sla-warning",
        Long.toString(kase.dueAt().toEpochMilli()),
        notifications.staffAddresses(users, groups),
        model,
        processInstanceId);
  }

  void criticalSituation(
      CaseRecord kase, String accountName, String designatedManager, String processInstanceId) {
    List<String> users = new ArrayList<>();
    users.add(designatedManager);
    toStaff(
        kase,
        "critical-situation",
        "1",
        notifications.staffAddresses(
            users, List.of(StaffGroups.ESCALATION_MANAGERS, kase.candidateGroup())),
        staffModel(kase, accountName),
        processInstanceId);
  }

  /**
   * A customer's message outside a waiting status: to the engineers who hold the case's open tasks,
   * or to its team when nobody has claimed one.
   */
  void customerWrote(
      CaseRecord kase,
      CaseRecords.Message message,
      List<String> assignees,
      String accountName,
      String processInstanceId) {
    Map<String, Object> model = staffModel(kase, accountName);
    model.put("author", message.author());
    model.put("status", kase.status().label().toLowerCase(Locale.ROOT));
    model.put("body", message.body());
    List<String> addresses =
        assignees.isEmpty() ? team(kase) : notifications.staffAddresses(assignees, List.of());
    toStaff(
        kase, "customer-wrote", Long.toString(message.id()), addresses, model, processInstanceId);
  }

  /** The addresses of the team that holds the case. */
  private List<String> team(CaseRecord kase) {
    return notifications.staffAddresses(List.of(), List.of(kase.candidateGroup()));
  }

  private void toStaff(
      CaseRecord kase,
      String event,
      String sequence,
      List<String> addresses,
      Map<String, Object> model,
      String processInstanceId) {
    List<String> to = addresses;
    if (to.isEmpty()) {
      to = List.of(notifications.staffFallbackAddress());
      meters.counter("caseops.mail.unaddressed", "event", event).increment();
      LOG.warn(
          "No staff member meant to get the {} mail of {} has an e-mail address: sent to the fallback {}",
          event,
          kase.caseNumber(),
          to.get(0));
    }
    queue(kase.caseNumber(), event, sequence, to, List.of(), model, processInstanceId);
  }

  /**
   * To the submitter, CC to the contacts in CC; only those who are named contacts now, so a removed
   * contact gets no more mail. With the submitter removed, the CC contacts are the recipients; with
   * nobody left, nothing is queued.
   */
  private void toCustomer(
      CaseRecord kase,
      String event,
      String sequence,
      Map<String, Object> model,
      String processInstanceId) {
    List<String> cc =
        records.cc(kase.caseNumber()).stream()
            .filter(address -> !address.equalsIgnoreCase(kase.submitter()))
            .filter(address -> contacts.find(address).isPresent())
            .toList();
    List<String> to = contacts.find(kase.submitter()).isPresent() ? List.of(kase.submitter()) : cc;
    queue(
        kase.caseNumber(),
        event,
        sequence,
        to,
        to == cc ? List.of() : cc,
        model,
        processInstanceId);
  }

  private void queue(
      String caseNumber,
      String event,
      String sequence,
      List<String> to,
      List<String> cc,
      Map<String, Object> model,
      String processInstanceId) {
    notifications.queue(caseNumber, event, sequence, to, cc, model, processInstanceId);
  }

  private Map<String, Object> customerModel(CaseRecord kase) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseNumber", kase.caseNumber());
    model.put("caseSubject", kase.subject());
    model.put("product", kase.product());
    model.put("severity", kase.severity());
    model.put("severityReason", kase.severityReason());
    model.put(
        "contactName",
        contacts
            .find(kase.submitter())
            .map(NamedContacts.Contact::displayName)
            .orElse(kase.submitter()));
    // The wording follows the timer of the case's own model version.
    model.put(
        "closesAfter", models.noAnswerAfter(models.definitionOf(kase.caseNumber())).inWords());
    return model;
  }

  private static Map<String, Object> staffModel(CaseRecord kase, String accountName) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseNumber", kase.caseNumber());
    model.put("caseSubject", kase.subject());
    model.put("product", kase.product());
    model.put("severity", kase.severity());
    model.put("accountName", accountName);
    model.put("plan", kase.plan());
    model.put("team", kase.candidateGroup());
    return model;
  }

  private ZoneId zoneOf(String email) {
    return contacts.find(email).map(NamedContacts.Contact::zone).orElse(ZoneOffset.UTC);
  }

  static String local(Instant instant, ZoneId zone) {
    return instant == null ? "" : LOCAL.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
  }

  static String clockText(ClockKind clock) {
    return clock == ClockKind.CALENDAR ? "around the clock" : "in your support hours";
  }
}
