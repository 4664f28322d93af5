package io.caseops.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseops.entitlement.EntitlementRefusedException.Reason;
import io.caseops.sla.ResponseTargets;
import io.caseops.testsupport.CaseOpsTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The entitlement lookup on the demo accounts (db/demo/accounts.sql), through the deployed
 * decisions.
 */
@CaseOpsTest
class EntitlementLookupTest {

  @Autowired EntitlementLookup lookup;

  @Autowired ResponseTargets targets;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} / {1} / sev {4} / {2} / {3} -> {5} {6} {7} {8} via {9}")
  @CsvSource(
      nullValues = "-",
      value = {
        // email,                      product,                          region,  language,
        // severity, plan,       target, clock,      coverage,         region team
        "ana.lima@northwind.example,   adobe-experience-manager,         -,       -,  2, expert,   PT2H,  business, business-hours, team-amer",
        "ana.lima@northwind.example,   adobe-experience-manager,         AMER,    en, 1, expert,   PT1H,  calendar, 24x7,           team-amer",
        "ana.lima@northwind.example,   adobe-commerce-managed-services,  -,       -,  1, expert,   PT1H,  calendar, 24x7,           team-amer",
        "chloe.martin@contoso.example, adobe-commerce-managed-services,  -,       -,  1, ultimate, PT30M, calendar, 24x7,           team-emea",
        "chloe.martin@contoso.example, adobe-experience-manager,         -,       -,  2, ultimate, PT30M, business, 24x5,           team-emea",
        "gina.ruiz@globex.example,     automation-360,                   -,       es, 1, orange,   P1D,   business, business-hours, team-emea",
        "gina.ruiz@globex.example,     automation-360,                   EMEA,    -,  3, orange,   -,     business, business-hours, team-emea",
        "ivy.patel@initech.example,    automation-360,                   EMEA,    en, 1, silver,   PT2H,  calendar, 24x7,           team-emea",
        "ivy.patel@initech.example,    automation-360,                   EMEA,    fr, 1, silver,   PT2H,  business, business-hours, team-emea",
        "ivy.patel@initech.example,    automation-360,                   LATAM,   pt, 2, silver,   PT4H,  business, business-hours, team-latam",
        "kei.tanaka@umbrella.example,  process-discovery,                JAPAN-KOREA, ko, 3, gold, PT8H,  business, business-hours, team-japan",
        "maria.silva@stark.example,    automation-360,                   AMER,    es, 4, platinum, PT8H,  business, business-hours, team-amer",
        "noah.kim@wayne.example,       automation-360,                   APAC,    en, 1, titanium, PT15M, calendar, 24x7,           team-apac"
      })
  void findsThePlanTargetAndTeam(
      String email,
      String product,
      String region,
      String language,
      int severity,
      String plan,
      String target,
      String clock,
      String coverage,
      String regionTeam) {
    Entitlement entitlement =
        lookup.lookup(new EntitlementLookup.Request(email, product, region, language));
    ResponseTargets.Answer answer = targets.evaluate(entitlement.targetQuestion(severity));

    assertThat(entitlement.planName()).isEqualTo(plan);
    assertThat(answer.targetText()).isEqualTo(target);
    assertThat(answer.clock().value()).isEqualTo(clock);
    assertThat(answer.coverage().value()).isEqualTo(coverage);
    // Who holds a round-the-clock case at a given hour is FollowTheSun's (FollowTheSunTest).
    assertThat(entitlement.regionTeam()).isEqualTo(regionTeam);
  }

  @Test
  void carriesTheAccountsPeopleAndAddOns() {
    Entitlement contoso =
        lookup.lookup(
            new EntitlementLookup.Request(
                "Chloe.Martin@Contoso.example", "adobe-experience-manager", null, null));
    assertThat(contoso.accountId()).isEqualTo("contoso");
    assertThat(contoso.escalationManager()).isEqualTo("erin");
    assertThat(contoso.technicalAccountManager()).isEqualTo("tom");
    assertThat(contoso.priorityQueue()).isTrue();
    assertThat(contoso.plan().escalation()).isEqualTo("designated");
    assertThat(contoso.designatedEscalationManager()).isEqualTo("erin");
    assertThat(contoso.zone().getId()).isEqualTo("Europe/London");
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * Sakura (Adobe Expert, billed in Japan) is offered Japanese, but not on Adobe Commerce: a
   * product of caseops.entitlement.english-only-products.
   */
  @Test
  void anEnglishOnlyProductIsRefusedInJapaneseEvenWhereJapaneseIsOffered() {
    jdbc.update(
        "insert into contract (account_id, product_id, licence_start, licence_end)"
            + " values ('sakura', 'adobe-commerce-managed-services', date '2025-04-01', null)");
    try {
      assertThat(
              lookup
                  .lookup(
                      new EntitlementLookup.Request(
                          "yui.mori@sakura.example", "adobe-experience-manager", null, "ja"))
                  .language())
          .isEqualTo("ja");
      assertThat(
              lookup
                  .lookup(
                      new EntitlementLookup.Request(
                          "yui.mori@sakura.example", "adobe-commerce-managed-services", null, "en"))
                  .language())
          .isEqualTo("en");
      assertThatThrownBy(
              () ->
                  lookup.lookup(
                      new EntitlementLookup.Request(
                          "yui.mori@sakura.example",
                          "adobe-commerce-managed-services",
                          null,
                          "ja")))
          .isInstanceOfSatisfying(
              EntitlementRefusedException.class,
              refused -> {
                assertThat(refused.reason()).isEqualTo(Reason.LANGUAGE_NOT_ALLOWED);
                assertThat(refused.getMessage()).contains("supported in English only");
              });
    } finally {
      jdbc.update(
          "delete from contract where account_id = 'sakura'"
              + " and product_id = 'adobe-commerce-managed-services'");
    }
  }

  @ParameterizedTest(name = "{0} / {1} / {2} / {3} -> {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "nobody@northwind.example,     adobe-experience-manager,        -,      -,  NOT_A_NAMED_CONTACT",
        "david.roux@contoso.example,   adobe-experience-manager,        -,      -,  NOT_NAMED_FOR_PRODUCT",
        "ana.lima@northwind.example,   automation-360,                  -,      -,  UNKNOWN_PRODUCT",
        "ana.lima@northwind.example,   no-such-product,                 -,      -,  UNKNOWN_PRODUCT",
        "ben.cho@northwind.example,    adobe-target,                    -,      -,  NO_CONTRACT",
        "ben.cho@northwind.example,    adobe-analytics,                 -,      -,  CONTRACT_EXPIRED",
        "ana.lima@northwind.example,   adobe-experience-manager,        EMEA,   -,  REGION_NOT_ALLOWED",
        "gina.ruiz@globex.example,     automation-360,                  AMER,   -,  REGION_NOT_ALLOWED",
        "ivy.patel@initech.example,    automation-360,                  -,      -,  REGION_REQUIRED",
        "ivy.patel@initech.example,    automation-360,                  MARS,   -,  REGION_NOT_ALLOWED",
        "gina.ruiz@globex.example,     automation-360,                  -,      ja, LANGUAGE_NOT_ALLOWED",
        "ana.lima@northwind.example,   adobe-experience-manager,        -,      ja, LANGUAGE_NOT_ALLOWED",
        "ivy.patel@initech.example,    automation-360,                  EMEA,   ja, LANGUAGE_NOT_ALLOWED",
        "chloe.martin@contoso.example, adobe-commerce-managed-services, -,      fr, LANGUAGE_NOT_ALLOWED"
      })
  void refusesWithAReason(
      String email, String product, String region, String language, Reason reason) {
    assertThatThrownBy(
            () -> lookup.lookup(new EntitlementLookup.Request(email, product, region, language)))
        .isInstanceOfSatisfying(
            EntitlementRefusedException.class,
            refused -> {
              assertThat(refused.reason()).isEqualTo(reason);
              assertThat(refused.getMessage()).isNotBlank();
            });
  }
}
