package io.caseops.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan's contact limits as a pure rule, walked as a table: one row per limit, just under and at
 * it.
 */
class ContactLimitsTest {

  @ParameterizedTest(
      name = "{0}: {1} contacts ({2} admins, {3} for the product), adding an admin: {4} -> {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        // plan limit: contacts, scope, admins | current: contacts, admins, for the product | new
        // admin | refused field
        "expert-4-all-1,     3, 0, 0,  false, -",
        "expert-4-all-1,     4, 0, 0,  false, email",
        "expert-4-all-1,     3, 1, 0,  true,  delegatedAdmin",
        "expert-4-all-1,     3, 0, 0,  true,  -",
        "ultimate-15-product-3, 40, 0, 14, false, -",
        "ultimate-15-product-3, 40, 0, 15, false, products",
        "ultimate-15-product-3, 40, 3, 0,  true,  delegatedAdmin",
        "silver-6-account-2, 5, 2, 0,  false, -",
        "silver-6-account-2, 6, 0, 0,  false, email",
        "silver-6-account-2, 5, 2, 0,  true,  delegatedAdmin"
      })
  void oneMoreContactFitsOrIsRefusedNamingTheField(
      String planSpec,
      int contacts,
      int admins,
      int forProduct,
      boolean asAdmin,
      String refusedField) {
    String[] spec = planSpec.split("-");
    PlanEntitlements.Plan plan =
        new PlanEntitlements.Plan(
            "any",
            spec[0],
            Map.of(
                "namedContactLimit",
                Integer.parseInt(spec[1]),
                "namedContactScope",
                spec[2],
                "delegatedAdminLimit",
                Integer.parseInt(spec[3])));
    List<ContactRepository.NamedContact> current = new ArrayList<>();
    IntStream.range(0, contacts)
        .forEach(
            i ->
                current.add(
                    new ContactRepository.NamedContact(
                        "c" + i + "@x.example",
                        "acme",
                        "C" + i,
                        "UTC",
                        i < admins,
                        "own",
                        i < forProduct ? List.of("aem") : List.of("other"),
                        null,
                        false)));

    Optional<ContactLimits.Refusal> refusal =
        ContactLimits.refusal(
            plan,
            new ContactLimits.Account("Acme", spec[0], spec[0].equals("expert")),
            current,
            spec[2].equals("product") ? List.of("aem") : List.of(),
            asAdmin);

    assertThat(refusal.map(ContactLimits.Refusal::field).orElse(null)).isEqualTo(refusedField);
    refusal.ifPresent(
        refused ->
            assertThat(refused.message())
                .startsWith("The " + spec[0] + " plan allows")
                .contains("Acme"));
  }
}
