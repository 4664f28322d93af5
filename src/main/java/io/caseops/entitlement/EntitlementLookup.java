package io.caseops.entitlement;

import static io.caseops.entitlement.EntitlementRefusedException.Reason.CONTRACT_EXPIRED;
import static io.caseops.entitlement.EntitlementRefusedException.Reason.LANGUAGE_NOT_ALLOWED;
import static io.caseops.entitlement.EntitlementRefusedException.Reason.NOT_A_NAMED_CONTACT;
import static io.caseops.entitlement.EntitlementRefusedException.Reason.NOT_NAMED_FOR_PRODUCT;
import static io.caseops.entitlement.EntitlementRefusedException.Reason.NO_CONTRACT;
import static io.caseops.entitlement.EntitlementRefusedException.Reason.REGION_NOT_ALLOWED;
import static io.caseops.entitlement.EntitlementRefusedException.Reason.REGION_REQUIRED;
import static io.caseops.entitlement.EntitlementRefusedException.Reason.UNKNOWN_PRODUCT;

import io.caseops.sla.CoverageProperties;
import io.caseops.sla.CoverageRegions;
import io.caseops.system.Api;
import io.caseops.system.EngineClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a contact may open a case for a product, and with what entitlement: plan,
 * coverage region or time slot, language and teams. Refuses with an {@link
 * EntitlementRefusedException} that says why. The severity is not an input: a case is classified
 * after this lookup (see {@link Entitlement#candidateGroup(int)}). The process calls it through
 * {@link io.caseops.cases.EntitlementLookupDelegate}.
 */
@Api
@Service
public class EntitlementLookup {

  public static final String ENGLISH = "en";

  /**
   * What the submitter asked for. {@code region} and {@code language} may be null: the plan's
   * defaults apply.
   */
  public record Request(String email, String product, String region, String language) {}

  private final AccountRepository accounts;
  private final ContactRepository contacts;
  private final Products products;
  private final PlanEntitlements plans;
  private final CoverageRegions regions;
  private final EntitlementProperties properties;
  private final EngineClock clock;

  EntitlementLookup(
      AccountRepository accounts,
      ContactRepository contacts,
      Products products,
      PlanEntitlements plans,
      CoverageRegions regions,
      EntitlementProperties properties,
      EngineClock clock) {
    this.accounts = accounts;
    this.contacts = contacts;
    this.products = products;
    this.plans = plans;
    this.regions = regions;
    this.properties = properties;
    this.clock = clock;
  }

  /** An account, its people and its plan's entitlements, for the steps of a case after intake. */
  public record AccountSummary(
      String id,
      String name,
      String catalogue,
      String plan,
      String escalationManager,
      String technicalAccountManager,
      PlanEntitlements.Plan entitlements) {
    public boolean rootCauseAnalysisForSev1() {
      return entitlements != null && entitlements.rootCauseAnalysisForSev1();
    }

    public boolean criticalSituationManagement() {
      return entitlements != null && entitlements.criticalSituationManagement();
    }

    public boolean prioritizedOutageManagement() {
      return entitlements != null && entitlements.prioritizedOutageManagement();
    }

    /**
     * The designated escalation manager where the plan designates one and the account names one;
     * else null.
     */
    public String designatedEscalationManager() {
      return entitlements == null
          ? null
          : entitlements.designatedEscalationManager(escalationManager);
    }
  }

  /** A product a contact may open a case for. */
  public record ProductChoice(String id, String name) {}

  /**
   * What a contact may choose when opening a case, for a form: the products with a running contract
   * they are named for; the time slots when the plan lets them choose one at submission (empty: the
   * account's own region, {@code region}); the languages the plan offers on some product (English
   * always; {@link #lookup} checks the product and slot chosen).
   */
  public record Choices(
      List<ProductChoice> products, List<String> regions, String region, List<String> languages) {
    public boolean choosesRegion() {
      return !regions.isEmpty();
    }
  }

  @Transactional(readOnly = true)
  public Optional<Choices> choices(String email) {
    return contacts
        .find(email)
        .flatMap(
            contact ->
                accounts.find(contact.accountId()).map(account -> choices(contact, account)));
  }

  private Choices choices(
      ContactRepository.NamedContact contact, AccountRepository.Account account) {
    PlanEntitlements.Plan plan = plans.of(account.catalogue(), account.plan()).orElseThrow();
    LocalDate today = LocalDate.now(clock);
    boolean perProduct =
        "product".equals(plan.namedContactScope()) && !contact.products().isEmpty();
    List<ProductChoice> offered =
        products.ofCatalogue(account.catalogue()).stream()
            .filter(product -> !perProduct || contact.products().contains(product.id()))
            .filter(
                product ->
                    accounts.contracts(account.id(), product.id()).stream()
                        .anyMatch(contract -> contract.runsOn(today)))
            .map(product -> new ProductChoice(product.id(), product.name()))
            .toList();
    boolean atSubmission = "at-submission".equals(plan.regionChoice());
    List<String> languages = new ArrayList<>(List.of(ENGLISH));
    switch (plan.languageChoice()) {
      case "account-language" -> {
        if (account.language() != null && !languages.contains(account.language())) {
          languages.add(account.language());
        }
      }
      default ->
          regions.of(account.catalogue()).stream()
              .filter(region -> atSubmission || region.id().equals(account.region()))
              .flatMap(region -> region.languages().stream())
              .filter(code -> !languages.contains(code))
              .forEach(languages::add);
    }
    return new Choices(
        offered,
        atSubmission ? regionIds(account.catalogue()) : List.of(),
        account.region(),
        languages);
  }

  /** The ids of the products a catalogue supports. */
  public List<String> productIds(String catalogue) {
    return products.idsOf(catalogue);
  }

  @Transactional(readOnly = true)
  public Optional<AccountSummary> account(String accountId) {
    return accounts
        .find(accountId)
        .map(
            account ->
                new AccountSummary(
                    account.id(),
                    account.name(),
                    account.catalogue(),
                    account.plan(),
                    account.escalationManager(),
                    account.technicalAccountManager(),
                    plans.of(account.catalogue(), account.plan()).orElse(null)));
  }

  // A refusal is an answer, not a failure: it must not mark the caller's transaction (a case's
  // intake) rollback-only.
  @Transactional(readOnly = true, noRollbackFor = EntitlementRefusedException.class)
  public Entitlement lookup(Request request) {
    ContactRepository.NamedContact contact =
        contacts
            .find(request.email())
            .orElseThrow(
                () ->
                    refuse(
                        NOT_A_NAMED_CONTACT,
                        request.email()
                            + " is not a named support contact: ask your account's administrator to add you, "
                            + "or have a named contact submit the case"));
    AccountRepository.Account account = accounts.find(contact.accountId()).orElseThrow();
    Products.Product product =
        products
            .find(request.product())
            .filter(known -> known.catalogue().equals(account.catalogue()))
            .orElseThrow(
                () ->
                    refuse(
                        UNKNOWN_PRODUCT,
                        "'" + request.product() + "' is not a product of " + account.catalogue()));
    PlanEntitlements.Plan plan =
        plans
            .of(account.catalogue(), account.plan())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The Entitlements decision has no row for "
                            + account.catalogue()
                            + "/"
                            + account.plan()));

    if ("product".equals(plan.namedContactScope())
        && !contact.products().isEmpty()
        && !contact.products().contains(product.id())) {
      throw refuse(
          NOT_NAMED_FOR_PRODUCT,
          contact.email()
              + " is a named contact for "
              + contact.products()
              + ", not for "
              + product.id()
              + " (the "
              + account.plan()
              + " plan names contacts per product)");
    }
    AccountRepository.Contract contract = runningContract(account, product);
    CoverageProperties.Region region = region(account, plan, request.region());
    String language = language(account, plan, region, product, request.language());

    boolean priorityQueue =
        account.addOns().contains("priority-queue-bundle")
            || "included".equals(plan.priorityQueueBundle());
    return new Entitlement(
        account.id(),
        account.name(),
        account.catalogue(),
        account.plan(),
        product.id(),
        contract.licenceStart(),
        region.id(),
        region.zone(),
        language,
        priorityQueue,
        region.team(),
        account.escalationManager(),
        account.technicalAccountManager(),
        plan);
  }

  private AccountRepository.Contract runningContract(
      AccountRepository.Account account, Products.Product product) {
    List<AccountRepository.Contract> contracts = accounts.contracts(account.id(), product.id());
    if (contracts.isEmpty()) {
      throw refuse(NO_CONTRACT, account.name() + " has no support contract for " + product.name());
    }
    LocalDate today = LocalDate.now(clock);
    return contracts.stream()
        .filter(contract -> contract.runsOn(today))
        .findFirst()
        .orElseThrow(
            () ->
                refuse(
                    CONTRACT_EXPIRED,
                    account.name()
                        + "'s contract for "
                        + product.name()
                        + " is not running on "
                        + today
                        + " (latest: "
                        + contracts.get(0).licenceStart()
                        + " to "
                        + (contracts.get(0).licenceEnd() == null
                            ? "open"
                            : contracts.get(0).licenceEnd())
                        + ")"));
  }

  private CoverageProperties.Region region(
      AccountRepository.Account account, PlanEntitlements.Plan plan, String requested) {
    if ("at-submission".equals(plan.regionChoice())) {
      if (requested == null || requested.isBlank()) {
        throw refuse(
            REGION_REQUIRED,
            "The "
                + account.plan()
                + " plan handles a case in the time slot chosen at "
                + "submission: choose one of "
                + regionIds(account.catalogue()));
      }
      return regions
          .find(account.catalogue(), requested)
          .orElseThrow(
              () ->
                  refuse(
                      REGION_NOT_ALLOWED,
                      "'"
                          + requested
                          + "' is not a time slot of "
                          + account.catalogue()
                          + ": choose one of "
                          + regionIds(account.catalogue())));
    }
    if (requested != null && !requested.isBlank() && !requested.equals(account.region())) {
      throw refuse(
          REGION_NOT_ALLOWED,
          "The "
              + account.plan()
              + " plan of "
              + account.name()
              + " is handled in its own region or time slot, "
              + account.region()
              + ", not "
              + requested);
    }
    return regions
        .find(account.catalogue(), account.region())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Account "
                        + account.id()
                        + " has region "
                        + account.region()
                        + ", which caseops.coverage.regions lacks"));
  }

  private String language(
      AccountRepository.Account account,
      PlanEntitlements.Plan plan,
      CoverageProperties.Region region,
      Products.Product product,
      String requested) {
    String language =
        requested == null || requested.isBlank() ? ENGLISH : requested.toLowerCase(Locale.ROOT);
    List<String> allowed = new ArrayList<>(List.of(ENGLISH));
    if (!properties.englishOnlyProducts().contains(product.id())) {
      switch (plan.languageChoice()) {
        case "account-language" -> {
          if (account.language() != null) {
            allowed.add(account.language());
          }
        }
        case "region-languages", "slot-languages" ->
            region.languages().stream()
                .filter(code -> !allowed.contains(code))
                .forEach(allowed::add);
        default ->
            throw new IllegalStateException("unknown languageChoice " + plan.languageChoice());
      }
    }
    if (!allowed.contains(language)) {
      throw refuse(
          LANGUAGE_NOT_ALLOWED,
          "'"
              + language
              + "' is not offered for "
              + product.name()
              + " on the "
              + account.plan()
              + " plan in "
              + region.id()
              + ": choose one of "
              + allowed
              + (properties.englishOnlyProducts().contains(product.id())
                  ? " (" + product.name() + " is supported in English only)"
                  : ""));
    }
    return language;
  }

  private List<String> regionIds(String catalogue) {
    return regions.of(catalogue).stream().map(CoverageProperties.Region::id).toList();
  }

  private static EntitlementRefusedException refuse(
      EntitlementRefusedException.Reason reason, String message) {
    return new EntitlementRefusedException(reason, message);
  }
}
