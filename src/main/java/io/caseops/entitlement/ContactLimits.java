package io.caseops.entitlement;

import java.util.List;
import java.util.Optional;

/**
 * The plan's limits on named contacts and delegated administrators (the Entitlements decision's
 * {@code namedContactLimit}, {@code namedContactScope} and {@code delegatedAdminLimit}), as a pure
 * rule: whether one more contact fits, and if not, the field and message of the refusal. {@code
 * ContactLimitsTest} walks it as a table.
 */
final class ContactLimits {

  /**
   * Why the plan refuses the contact: the request's field it concerns, and the sentence that says
   * so.
   */
  record Refusal(String field, String message) {}

  /** The account as the rule sees it. */
  record Account(String name, String planName, boolean adobe) {}

  private ContactLimits() {}

  /**
   * Whether a new contact (an administrator or not, named for {@code products} where the plan
   * counts per product) fits beside the {@code current} contacts.
   */
  static Optional<Refusal> refusal(
      PlanEntitlements.Plan plan,
      Account account,
      List<ContactRepository.NamedContact> current,
      List<String> products,
      boolean asAdmin) {
    if ("product".equals(plan.namedContactScope())) {
      for (String product : products) {
        long named =
            current.stream().filter(contact -> contact.products().contains(product)).count();
        if (named >= plan.namedContactLimit()) {
          return Optional.of(
              new Refusal(
                  "products",
                  "The "
                      + account.planName()
                      + " plan allows "
                      + plan.namedContactLimit()
                      + " named contacts per product; "
                      + account.name()
                      + " has "
                      + named
                      + " for "
                      + product));
        }
      }
    } else if (current.size() >= plan.namedContactLimit()) {
      return Optional.of(
          new Refusal(
              "email",
              "The "
                  + account.planName()
                  + " plan allows "
                  + plan.namedContactLimit()
                  + " named contacts"
                  + (account.adobe() ? " in all, across all products" : "")
                  + "; "
                  + account.name()
                  + " has "
                  + current.size()
                  + ". Remove one first."));
    }
    return asAdmin ? adminRefusal(plan, account, current) : Optional.empty();
  }

  /** Whether one more delegated administrator fits beside the {@code current} contacts. */
  static Optional<Refusal> adminRefusal(
      PlanEntitlements.Plan plan, Account account, List<ContactRepository.NamedContact> current) {
    long admins = current.stream().filter(ContactRepository.NamedContact::delegatedAdmin).count();
    if (admins >= plan.delegatedAdminLimit()) {
      return Optional.of(
          new Refusal(
              "delegatedAdmin",
              "The "
                  + account.planName()
                  + " plan allows "
                  + plan.delegatedAdminLimit()
                  + " delegated administrator"
                  + (plan.delegatedAdminLimit() == 1 ? "" : "s")
                  + "; "
                  + account.name()
                  + " has "
                  + admins));
    }
    return Optional.empty();
  }
}
