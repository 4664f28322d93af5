package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.sla.CoverageRegions;
import io.caseops.system.EngineClock;
import io.caseops.system.EngineInternals;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.ConflictException;
import io.caseops.system.web.NotFoundException;
import io.caseops.system.web.UnprocessableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outage management: staff declare an outage of a product (in one region, or everywhere), link open
 * cases to it, and post public updates that reach every linked case's contacts, in the conversation
 * and by mail. On plans with prioritized outage management (Ultimate) a linked case's tasks go to
 * the top of their severity's band (the TaskPriority decision) and the account's TAM is told. A
 * contact whose new case meets an active outage is offered it and may link the case.
 */
@Service
class Outages {

  /** The most cases one request links. */
  static final int MAX_LINKS = 500;

  static final int MAX_TITLE = 200;

  public record Update(long id, String text, String postedBy, Instant postedAt) {}

  public record Outage(
      long id,
      String product,
      String region,
      String title,
      String declaredBy,
      Instant declaredAt,
      Instant endedAt,
      List<String> cases,
      List<Update> updates) {}

  /** What a contact submitting a case on the product is offered. */
  public record Notice(
      long id, String product, String region, String title, Instant declaredAt, String latest) {}

  private final JdbcTemplate jdbc;
  private final CaseRecords records;
  private final CoverageRegions regions;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;
  private final CaseBriefing briefing;
  private final TaskService tasks;
  private final EngineClock clock;
  private final ProcessEngine engine;

  Outages(
      JdbcTemplate jdbc,
      CaseRecords records,
      CoverageRegions regions,
      EntitlementLookup entitlements,
      CaseMails mails,
      CaseBriefing briefing,
      TaskService tasks,
      EngineClock clock,
      ProcessEngine engine) {
    this.jdbc = jdbc;
    this.records = records;
    this.regions = regions;
    this.entitlements = entitlements;
    this.mails = mails;
    this.briefing = briefing;
    this.tasks = tasks;
    this.clock = clock;
    this.engine = engine;
  }

  @Transactional
  public Outage declare(String product, String region, String title, String text, String staff) {
    if (product == null || product.isBlank()) {
      throw BadRequestException.of("product", "is required");
    }
    String catalogue =
        jdbc
            .queryForList("select catalogue from product where id = ?", String.class, product)
            .stream()
            .findFirst()
            .orElseThrow(
                () -> new UnprocessableException("product", "no product '" + product + "'"));
    if (region != null && regions.find(catalogue, region).isEmpty()) {
      throw new UnprocessableException(
          "region",
          "'" + region + "' is no region of " + catalogue + " (leave it out: everywhere)");
    }
    if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
      throw BadRequestException.of("title", "is required, at most " + MAX_TITLE + " characters");
    }
    checkText(text, false);
    Instant now = clock.instant();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var insert =
              connection.prepareStatement(
                  "insert into outage (product_id, region, title, declared_by, declared_at) "
                      + "values (?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, product);
          insert.setString(2, region);
          insert.setString(3, title.strip());
          insert.setString(4, staff);
          insert.setTimestamp(5, Timestamp.from(now));
          return insert;
        },
        key);
    long id = key.getKey().longValue();
    if (text != null && !text.isBlank()) {
      postUpdate(get(id), text.strip(), staff); // no case is linked yet: no mail
    }
    return get(id);
  }

  /**
   * Links cases to an active outage, all or none: each must exist, be open and be of the outage's
   * product (and region). A case already linked is left as it is. The contacts learn of the link
   * and of the latest update.
   */
  @Transactional
  public Outage link(long id, List<String> caseNumbers, String actor) {
    return EngineInternals.command(engine, () -> linkCases(id, caseNumbers, actor));
  }

  private Outage linkCases(long id, List<String> caseNumbers, String actor) {
    Outage outage = active(id);
    if (caseNumbers == null || caseNumbers.isEmpty() || caseNumbers.size() > MAX_LINKS) {
      throw BadRequestException.of(
          "caseNumbers", "is required: 1 to " + MAX_LINKS + " case numbers");
    }
    List<CaseRecord> toLink = new ArrayList<>();
    for (String caseNumber : caseNumbers.stream().distinct().sorted().toList()) {
      CaseRecord kase =
          records
              .lock(caseNumber)
              .orElseThrow(
                  () -> new UnprocessableException("caseNumbers", "no case " + caseNumber));
      String refusal = refusal(outage, kase);
      if (refusal != null) {
        throw new UnprocessableException("caseNumbers", refusal);
      }
      if (!outage.cases().contains(caseNumber)) {
        toLink.add(kase);
      }
    }
    Instant now = clock.instant();
    String latest = outage.updates().isEmpty() ? null : outage.updates().get(0).text();
    for (CaseRecord kase : toLink) {
      jdbc.update(
          "insert into outage_case (outage_id, case_number, linked_by, linked_at) values (?, ?, ?, ?)",
          id,
          kase.caseNumber(),
          actor,
          Timestamp.from(now));
      records.event(
          kase.caseNumber(), "outage-linked", actor, "outage " + id + ": " + outage.title(), now);
      String text =
          "This case is linked to the outage \""
              + outage.title()
              + "\": you will get its updates here and by mail."
              + (latest == null ? "" : "\n\nLatest update:\n\n" + latest);
      tell(kase, text, now);
      mails.outage(kase, outage.title(), text, "linked-" + id);
      var account = entitlements.account(kase.accountId()).orElseThrow();
      if (account.prioritizedOutageManagement()) {
        reprioritize(kase.caseNumber());
        mails.prioritizedOutage(
            kase, account.name(), id, outage.title(), account.technicalAccountManager());
      }
    }
    return get(id);
  }

  /** One public update, to every open linked case: a message of its conversation and a mail. */
  @Transactional
  public Outage post(long id, String text, String staff) {
    Outage outage = active(id);
    checkText(text, true);
    EngineInternals.command(engine, () -> postUpdate(outage, text.strip(), staff));
    return get(id);
  }

  /** Ends the outage, with a last update when given; linked cases return to their own priority. */
  @Transactional
  public Outage end(long id, String text, String staff) {
    Outage outage = active(id);
    checkText(text, false);
    if (text != null && !text.isBlank()) {
      EngineInternals.command(engine, () -> postUpdate(outage, text.strip(), staff));
    }
    jdbc.update("update outage set ended_at = ? where id = ?", Timestamp.from(clock.instant()), id);
    outage.cases().forEach(this::reprioritize);
    return get(id);
  }

  public Outage get(long id) {
    return jdbc.query("select * from outage where id = ?", (rs, row) -> outage(rs), id).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("no outage " + id));
  }

  public List<Outage> list(boolean activeOnly) {
    return jdbc.query(
        "select * from outage"
            + (activeOnly ? " where ended_at is null" : "")
            + " order by declared_at desc, id desc",
        (rs, row) -> outage(rs));
  }

  /** The active outages a case meets (its product; its region or everywhere), not yet linked. */
  public List<Notice> offeredTo(String caseNumber) {
    CaseRecord kase = records.get(caseNumber);
    return jdbc.query(
        "select o.*, (select u.body from outage_update u where u.outage_id = o.id "
            + "order by u.posted_at desc, u.id desc fetch first 1 rows only) latest "
            + "from outage o where o.ended_at is null and o.product_id = ? "
            + "and (o.region is null or o.region = ?) "
            + "and not exists (select 1 from outage_case l where l.outage_id = o.id "
            + "and l.case_number = ?) order by o.declared_at",
        (rs, row) ->
            new Notice(
                rs.getLong("id"),
                rs.getString("product_id"),
                rs.getString("region"),
                rs.getString("title"),
                rs.getTimestamp("declared_at").toInstant(),
                rs.getString("latest")),
        kase.product(),
        kase.region(),
        caseNumber);
  }

  private long postUpdate(Outage outage, String text, String staff) {
    Instant now = clock.instant();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var insert =
              connection.prepareStatement(
                  "insert into outage_update (outage_id, body, posted_by, posted_at) "
                      + "values (?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setLong(1, outage.id());
          insert.setString(2, text);
          insert.setString(3, staff);
          insert.setTimestamp(4, Timestamp.from(now));
          return insert;
        },
        key);
    String sequence = "update-" + key.getKey().longValue();
    for (String caseNumber : outage.cases()) {
      CaseRecord kase = records.lock(caseNumber).orElseThrow();
      if (!kase.status().isShut()) {
        String message = "Outage update (" + outage.title() + "):\n\n" + text;
        tell(kase, message, now);
        mails.outage(kase, outage.title(), message, sequence);
      }
    }
    return key.getKey().longValue();
  }

  /** Why a case cannot join the outage; null when it can. */
  private static String refusal(Outage outage, CaseRecord kase) {
    if (kase.status().isShut()) {
      return kase.caseNumber()
          + " is "
          + kase.status().label().toLowerCase(Locale.ROOT)
          + ": only open cases";
    }
    if (!kase.product().equals(outage.product())) {
      return kase.caseNumber()
          + " is about "
          + kase.product()
          + "; the outage is of "
          + outage.product();
    }
    if (outage.region() != null && !outage.region().equals(kase.region())) {
      return kase.caseNumber()
          + " is in region "
          + kase.region()
          + "; the outage is in "
          + outage.region();
    }
    return null;
  }

  private Outage active(long id) {
    Outage outage = get(id);
    if (outage.endedAt() != null) {
      throw new ConflictException("id", "outage " + id + " ended at " + outage.endedAt());
    }
    return outage;
  }

  private void tell(CaseRecord kase, String text, Instant now) {
    records.addMessage(
        kase.caseNumber(), "support", AuthorKind.STAFF, MessageVisibility.PUBLIC, text, now);
  }

  /** The case's open tasks take the priority the TaskPriority decision gives now. */
  private void reprioritize(String caseNumber) {
    CaseRecord kase = records.get(caseNumber);
    int priority = briefing.priority(kase);
    tasks
        .createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .list()
        .forEach(
            task -> {
              // 100 marks a missed first response (ResponseAlert): it stays.
              if (task.getPriority() < 100) {
                tasks.setPriority(task.getId(), priority);
              }
            });
  }

  private static void checkText(String text, boolean required) {
    if (required && (text == null || text.isBlank())) {
      throw BadRequestException.of("text", "is required");
    }
    if (text != null && text.strip().length() > TextLimits.TEXT) {
      throw BadRequestException.of("text", "must be at most " + TextLimits.TEXT + " characters");
    }
  }

  private Outage outage(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Outage(
        id,
        rs.getString("product_id"),
        rs.getString("region"),
        rs.getString("title"),
        rs.getString("declared_by"),
        rs.getTimestamp("declared_at").toInstant(),
        ended == null ? null : ended.toInstant(),
        jdbc.queryForList(
            "select case_number from outage_case where outage_id = ? order by case_number",
            String.class,
            id),
        jdbc.query(
            "select id, body, posted_by, posted_at from outage_update where outage_id = ? "
                + "order by posted_at desc, id desc",
            (u, row) ->
                new Update(
                    u.getLong(1), u.getString(2), u.getString(3), u.getTimestamp(4).toInstant()),
            id));
  }
}
