package io.caseops.portal;

import io.caseops.cases.CaseIntake;
import io.caseops.cases.CaseQuotes;
import io.caseops.cases.ContactCases;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.entitlement.EntitlementLookup.ProductChoice;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.BadRequestException.Problem;
import io.caseops.system.web.RuleException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The new-case page: the contact answers the Severity decision's questions; "See what we promise"
 * shows the classified severity and the first-response due instant ({@link CaseQuotes}, the
 * intake's own computation), "Open the case" opens it ({@link CaseIntake#submitAs}, the API's
 * rules, an idempotency key against a double submit) and shows its number. Refusals come back on
 * the form with what was typed, each tied to its field.
 */
@Controller
@RequestMapping(PortalSecurity.PATH + "/cases/new")
class NewCaseController {

  /**
   * What the form posts, as typed: answers are "true"/"false" or a value of the decision's lists.
   */
  record Form(
      String product,
      String subject,
      String description,
      String requestType,
      String productionAffected,
      String productUsable,
      String workaroundAvailable,
      String usersAffected,
      String businessImpact,
      String proposedSeverity,
      String region,
      String language,
      String relatedCase,
      String key) {

    static Form empty() {
      return new Form(
          "", "", "", "incident", "", "", "", "", "", "", "", "", "", UUID.randomUUID().toString());
    }

    /** A new case that follows a closed one: its product, its subject named. */
    static Form following(ContactCases.CaseView related, String subject) {
      return new Form(
          related.product(),
          subject,
          "",
          "incident",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          related.caseNumber(),
          UUID.randomUUID().toString());
    }
  }

  /** The form's fields, as problems name them; a problem of anything else is the form's. */
  static final List<String> FIELDS =
      List.of(
          "product",
          "subject",
          "description",
          "requestType",
          "productionAffected",
          "productUsable",
          "workaroundAvailable",
          "usersAffected",
          "businessImpact",
          "proposedSeverity",
          "region",
          "language",
          "relatedCase");

  static final List<String> REQUEST_TYPES =
      List.of("incident", "question", "feature-request", "documentation", "training");
  static final List<String> USERS_AFFECTED = List.of("one", "several", "all");
  static final List<String> BUSINESS_IMPACTS =
      List.of("critical", "major", "medium", "minor", "none");

  private final CaseIntake intake;
  private final ContactCases cases;
  private final CaseQuotes quotes;
  private final EntitlementLookup entitlements;
  private final NamedContacts contacts;
  private final PortalRules rules;
  private final MessageSource messages;

  NewCaseController(
      CaseIntake intake,
      ContactCases cases,
      CaseQuotes quotes,
      EntitlementLookup entitlements,
      NamedContacts contacts,
      PortalRules rules,
      MessageSource messages) {
    this.rules = rules;
    this.messages = messages;
    this.intake = intake;
    this.cases = cases;
    this.quotes = quotes;
    this.entitlements = entitlements;
    this.contacts = contacts;
  }

  /** The form; {@code related}: a closed case this one follows, past its reopen window. */
  @GetMapping
  String form(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @RequestParam(required = false) String related,
      Model model) {
    Contact contact = contact(me);
    Form form = Form.empty();
    if (related != null) {
      ContactCases.CaseView kase = cases.get(contact, related);
      String subject =
          messages.getMessage(
              "portal.new.followUpSubject",
              new Object[] {kase.caseNumber(), kase.subject()},
              LocaleContextHolder.getLocale());
      form = Form.following(kase, subject.length() > 200 ? subject.substring(0, 200) : subject);
    }
    return page(contact, form, Map.of(), null, model);
  }

  @PostMapping
  String post(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      Form form,
      @RequestParam(defaultValue = "quote") String action,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Contact contact = contact(me);
    Map<String, String> errors = new LinkedHashMap<>();
    CaseIntake.Submission submission = submission(contact, form, errors);
    try {
      if (!errors.isEmpty()) {
        throw new BadRequestException(
            errors.entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue())).toList());
      }
      if ("submit".equals(action)) {
        CaseIntake.Submitted opened = intake.submitAs(contact, submission, form.key());
        redirect.addFlashAttribute("opened", opened.caseNumber());
        return "redirect:" + PortalSecurity.PATH + "/cases/" + opened.caseNumber();
      }
      return page(contact, form, Map.of(), quotes.quote(contact, submission), model);
    } catch (BadRequestException bad) {
      response.setStatus(400);
      bad.problems().forEach(problem -> errors.putIfAbsent(field(problem.field()), problem.rule()));
      return page(contact, form, errors, null, model);
    } catch (RuleException refused) {
      response.setStatus(422);
      errors.put(field(refused.field()), refused.getMessage());
      return page(contact, form, errors, null, model);
    }
  }

  private String page(
      Contact contact, Form form, Map<String, String> errors, CaseQuotes.Quote quote, Model model) {
    EntitlementLookup.Choices choices =
        entitlements.choices(contact.email()).orElseThrow(PortalErrors.ContactGone::new);
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, Map<String, String>> options = new HashMap<>();
    options.put("product", labelled(choices.products(), ProductChoice::id, ProductChoice::name));
    options.put("requestType", said(REQUEST_TYPES, "portal.requestType.", locale));
    options.put("usersAffected", said(USERS_AFFECTED, "portal.usersAffected.", locale));
    options.put("businessImpact", said(BUSINESS_IMPACTS, "portal.businessImpact.", locale));
    options.put(
        "proposedSeverity",
        labelled(
            List.of("1", "2", "3", "4"),
            n -> n,
            n -> messages.getMessage("portal.severity", new Object[] {n}, locale)));
    options.put("region", labelled(choices.regions(), r -> r, r -> r));
    // Language names in the page's language, for any code a region is configured with.
    options.put(
        "language",
        labelled(
            choices.languages(),
            code -> code,
            code -> Locale.forLanguageTag(code).getDisplayLanguage(locale)));
    model.addAttribute("options", options);
    model.addAttribute("contact", contact);
    model.addAttribute("zone", contact.zone().getId());
    model.addAttribute("choices", choices);
    model.addAttribute("form", form);
    // In the form's order, in the page's language.
    Map<String, String> said = new LinkedHashMap<>();
    FIELDS.stream()
        .filter(errors::containsKey)
        .forEach(field -> said.put(field, rules.say(errors.get(field), locale)));
    if (errors.containsKey("form")) {
      said.put("form", rules.say(errors.get("form"), locale));
    }
    model.addAttribute("errors", said);
    model.addAttribute("quote", quote);
    return "portal/new-case";
  }

  /** Options of a select, value to label, in order. */
  private static <T> Map<String, String> labelled(
      List<T> values, Function<T, String> value, Function<T, String> label) {
    Map<String, String> options = new LinkedHashMap<>();
    values.forEach(v -> options.put(value.apply(v), label.apply(v)));
    return options;
  }

  private Map<String, String> said(List<String> values, String prefix, Locale locale) {
    return labelled(values, v -> v, v -> messages.getMessage(prefix + v, null, locale));
  }

  /** The form as the intake's submission; answers that are not yes or no are refused here. */
  private static CaseIntake.Submission submission(
      Contact contact, Form form, Map<String, String> errors) {
    Integer proposed = null;
    if (!blank(form.proposedSeverity())) {
      try {
        proposed = Integer.valueOf(form.proposedSeverity().strip());
      } catch (NumberFormatException notANumber) {
        errors.put("proposedSeverity", "must be 1, 2, 3 or 4");
      }
    }
    boolean incident = "incident".equals(form.requestType());
    CaseIntake.SeverityAnswers answers =
        new CaseIntake.SeverityAnswers(
            incident ? yesNo("productionAffected", form.productionAffected(), errors) : null,
            incident ? yesNo("productUsable", form.productUsable(), errors) : null,
            incident ? yesNo("workaroundAvailable", form.workaroundAvailable(), errors) : null,
            incident ? blankToNull(form.usersAffected()) : null,
            incident ? blankToNull(form.businessImpact()) : null,
            blankToNull(form.requestType()));
    return new CaseIntake.Submission(
        contact.email(),
        blankToNull(form.product()),
        form.subject(),
        form.description(),
        answers,
        proposed,
        blankToNull(form.region()),
        blankToNull(form.language()),
        new ArrayList<>(),
        blankToNull(form.relatedCase()));
  }

  private static Boolean yesNo(String field, String value, Map<String, String> errors) {
    if (blank(value)) {
      return null; // the intake names what an incident leaves unanswered
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.put(field, "must be yes or no");
        yield null;
      }
    };
  }

  /** The form's field for a problem's: "answers.productUsable" is the field "productUsable". */
  static String field(String problemField) {
    String field =
        problemField == null
            ? "form"
            : problemField.startsWith("answers.")
                ? problemField.substring("answers.".length())
                : problemField.equals("answers") ? "requestType" : problemField;
    return FIELDS.contains(field) ? field : "form";
  }

  private Contact contact(PortalSecurity.SignedIn me) {
    return contacts.find(me.email()).orElseThrow(PortalErrors.ContactGone::new);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return blank(value) ? null : value.strip();
  }
}
