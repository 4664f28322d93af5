package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.NamedContacts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of the contact's case list and case lookup ({@link CaseQueries}) on the database alone:
 * who sees which case of an account, filters, order and pages. The plan's and the administrators'
 * say on visibility is {@link NamedContacts}' (stubbed here; ContactApiScenarios runs it whole).
 * Subclasses pick the database.
 */
@Import(CaseQueries.class)
// The slice's rollback reads @Transactional from the class that declares the test methods: this
// one.
@Transactional
abstract class CaseQueriesScenarios {

  static final String ACCOUNT = "sql-slice";
  static final String OTHER = "sql-slice-other";
  static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

  @Autowired CaseQueries queries;
  @Autowired JdbcTemplate jdbc;
  @MockitoBean NamedContacts contacts;

  final NamedContacts.Contact ana = contact("ana@sql-slice.example", ACCOUNT);

  @BeforeEach
  void anAccountWithFourCases() {
    account(ACCOUNT);
    account(OTHER);
    kase("CASE-2026-900001", ACCOUNT, "ana@sql-slice.example", "New", 2, "automation-360", 0);
    kase("CASE-2026-900002", ACCOUNT, "ben@sql-slice.example", "Closed", 3, "automation-360", 1);
    kase("CASE-2026-900003", ACCOUNT, "carl@sql-slice.example", "New", 2, "process-discovery", 2);
    // Submitted at the same instant as 900003: the case number breaks the tie.
    kase(
        "CASE-2026-900004",
        ACCOUNT,
        "carl@sql-slice.example",
        "In progress",
        1,
        "automation-360",
        2);
    kase("CASE-2026-900005", OTHER, "ana@sql-slice.example", "New", 2, "automation-360", 3);
    jdbc.update(
        "insert into case_cc (case_number, email) values ('CASE-2026-900002', ?)", ana.email());
  }

  void seesOwnAndCc() {
    when(contacts.visibility(any())).thenReturn(new NamedContacts.Visibility(false, true));
  }

  void seesTheAccount() {
    when(contacts.visibility(any())).thenReturn(new NamedContacts.Visibility(true, true));
  }

  @Test
  void aContactSeesTheirOwnCasesAndThoseTheyAreInCcOf() {
    seesOwnAndCc();
    assertThat(numbers(queries.list(ana, new CaseQueries.Filter(null, null, null), 0, 10)))
        .containsExactly("CASE-2026-900002", "CASE-2026-900001");
    assertThat(queries.visible(ana, "CASE-2026-900002")).isPresent();
    assertThat(queries.visible(ana, "CASE-2026-900003")).as("a colleague's").isEmpty();
    assertThat(queries.visible(ana, "CASE-2026-900005")).as("another account's").isEmpty();
    assertThat(queries.visible(ana, "CASE-2026-999999")).isEmpty();
  }

  @Test
  void accountWideVisibilityShowsEveryCaseOfTheAccountNewestFirstAndNoneOfAnother() {
    seesTheAccount();
    CaseQueries.Page page = queries.list(ana, new CaseQueries.Filter(null, null, null), 0, 10);
    assertThat(numbers(page))
        .containsExactly(
            "CASE-2026-900004", "CASE-2026-900003", "CASE-2026-900002", "CASE-2026-900001");
    assertThat(page.total()).isEqualTo(4);
    assertThat(queries.visible(ana, "CASE-2026-900003")).isPresent();
    assertThat(queries.visible(ana, "CASE-2026-900005")).isEmpty();
  }

  @Test
  void filtersCombineAndCountWhatTheyKeep() {
    seesTheAccount();
    assertThat(
            numbers(queries.list(ana, new CaseQueries.Filter(CaseStatus.NEW, null, null), 0, 10)))
        .containsExactly("CASE-2026-900003", "CASE-2026-900001");
    assertThat(
            numbers(
                queries.list(
                    ana, new CaseQueries.Filter(CaseStatus.NEW, 2, "automation-360"), 0, 10)))
        .containsExactly("CASE-2026-900001");
    CaseQueries.Page none =
        queries.list(ana, new CaseQueries.Filter(CaseStatus.CLOSED, 1, null), 0, 10);
    assertThat(none.cases()).isEmpty();
    assertThat(none.total()).isZero();
  }

  @Test
  void pagesSplitTheOrderedListAndKeepTheTotal() {
    seesTheAccount();
    CaseQueries.Filter all = new CaseQueries.Filter(null, null, null);
    CaseQueries.Page second = queries.list(ana, all, 1, 3);
    assertThat(numbers(second)).containsExactly("CASE-2026-900001");
    assertThat(second.total()).isEqualTo(4);
    assertThat(queries.list(ana, all, 2, 3).cases()).as("past the end").isEmpty();
  }

  @Test
  void aCaseReadBackHasItsColumns() {
    seesOwnAndCc();
    CaseRecord kase = queries.visible(ana, "CASE-2026-900001").orElseThrow();
    assertThat(kase.accountId()).isEqualTo(ACCOUNT);
    assertThat(kase.status()).isEqualTo(CaseStatus.NEW);
    assertThat(kase.severity()).isEqualTo(2);
    assertThat(kase.submittedAt()).isEqualTo(MONDAY);
  }

  static List<String> numbers(CaseQueries.Page page) {
    return page.cases().stream().map(CaseRecord::caseNumber).toList();
  }

  static NamedContacts.Contact contact(String email, String account) {
    return new NamedContacts.Contact(
        email,
        account,
        "Ana",
        ZoneId.of("Europe/London"),
        false,
        "own",
        List.of("automation-360"),
        "en",
        false);
  }

  void account(String id) {
    jdbc.update(
        "insert into account (id, name, catalogue, plan, created_at) values (?, ?,"
            + " 'automation-anywhere', 'gold', ?)",
        id,
        id,
        Timestamp.from(MONDAY));
  }

  void kase(
      String number,
      String account,
      String submitter,
      String status,
      int severity,
      String product,
      int hoursLater) {
    Timestamp at = Timestamp.from(MONDAY.plusSeconds(3600L * hoursLater));
    jdbc.update(
        "insert into support_case (case_number, account_id, product_id, submitter, subject,"
            + " description, status, severity, submitted_at, status_since) values (?, ?, ?, ?,"
            + " 'Runner offline', 'Since noon.', ?, ?, ?, ?)",
        number,
        account,
        product,
        submitter,
        status,
        severity,
        at,
        at);
  }
}
